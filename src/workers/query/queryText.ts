// Query text the engine writes for the UI (entity pages, dashboard clicks, graph): a field:value term
// that the query language reads back as exactly that value. The engine owns the language, so the
// views receive these strings instead of quoting values themselves.

const RESERVED = new Set(['and', 'or', 'not']);

/**
 * `field:value`, bare when the value is a plain token (so IPs keep matching other spellings of the same
 * address), else quoted with `"` and `\` escaped (quoted values are literal: no wildcards, no regex).
 */
export function term(field: string, value: string): string {
  return `${field}:${valueText(value)}`;
}

/** A value as query text: bare when it is a plain token, else quoted (see term). */
export function valueText(value: string): string {
  const bare = /^[^\s()"\\*?/<>]+$/.test(value) && !RESERVED.has(value.toLowerCase());
  return bare ? value : `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The value in any of the fields: `a:v or b:v`. */
export function anyOf(fields: readonly string[], value: string): string {
  return fields.map((f) => term(f, value)).join(' or ');
}

/** Both queries; an empty side is no condition. */
export function and(a: string, b: string): string {
  if (a.trim() === '') return b;
  if (b.trim() === '') return a;
  return `(${a}) and (${b})`;
}
