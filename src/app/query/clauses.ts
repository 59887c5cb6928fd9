// Query text built from clicks (facets, pivots, chips): `field:value` clauses written so the engine's
// query language reads them back exactly, and the facet chips found again in a query to remove them.
// Example: addClause('sshd', clauseFor('target.usr.name', 'bob smith', true)) = 'sshd and not target.usr.name:"bob smith"'.

const KEYWORDS = new Set(['and', 'or', 'not']);

/** A field name in term mode: characters that end a word are escaped. */
export function fieldToken(field: string): string {
  return field.replace(/[\s()":<>\\]/g, (c) => `\\${c}`);
}

/** A value as typed after `field:`: a plain word when that reads back literally, else a quoted string. */
export function valueToken(value: string): string {
  if (/^[\w.@:-]+$/.test(value) && !KEYWORDS.has(value.toLowerCase())) return value;
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

export function clauseFor(field: string, value: string, exclude = false): string {
  return `${exclude ? 'not ' : ''}${fieldToken(field)}:${valueToken(value)}`;
}

/** ANDs a clause to the query; a query with a top-level `or` is wrapped so the clause narrows all of it. */
export function addClause(query: string, clause: string): string {
  const q = query.trim();
  if (q === '') return clause;
  if (hasBareOr(q)) return `(${q}) and ${clause}`;
  return `${q} and ${clause}`;
}

/** A clause the facets or pivots wrote, found in the query text. */
export interface Chip {
  field: string;
  value: string;
  exclude: boolean;
  /** the clause's text span in the query */
  start: number;
  end: number;
}

// `not `? field `:` (quoted | word), with field and value escapes as written above
const CHIP = /(^|\s)(not\s+)?((?:[^\s()":<>\\]|\\.)+):("(?:[^"\\]|\\.)*"|[\w.@:-]+)(?=$|\s)/gi;

/**
 * The field:value clauses of a plain AND of terms: chips for the facet sidebar. A query with `or` or
 * parentheses gets no chips (removing one of its clauses could change what the rest means).
 */
export function chipsOf(query: string): Chip[] {
  if (hasBareOr(query) || /(^|[^\\])[()]/.test(stripQuoted(query))) return [];
  const out: Chip[] = [];
  for (const m of query.matchAll(CHIP)) {
    const start = m.index + m[1].length;
    const raw = m[4];
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (!raw.startsWith('"') && KEYWORDS.has(value.toLowerCase())) continue;
    out.push({ field: m[3].replace(/\\(.)/g, '$1'), value, exclude: m[2] !== undefined, start, end: start + m[0].length - m[1].length });
  }
  return out;
}

/** The query without the chip, and without the `and` that joined it. */
export function removeChip(query: string, chip: Chip): string {
  const before = query.slice(0, chip.start).replace(/\s+and\s*$/i, ' ').replace(/\s+$/, '');
  let after = query.slice(chip.end).replace(/^\s+/, '');
  if (before === '') after = after.replace(/^and\s+/i, '');
  return [before, after].filter((s) => s !== '').join(' ').trim();
}

/** Query text with quoted strings blanked (same length), so keywords inside quotes are not seen. */
function stripQuoted(q: string): string {
  return q.replace(/"(?:[^"\\]|\\.)*"?/g, (s) => ' '.repeat(s.length));
}

function hasBareOr(q: string): boolean {
  return /(^|\s)or(\s|$)/i.test(stripQuoted(q));
}
