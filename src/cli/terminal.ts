// What the CLI prints for people (stderr summaries, query errors, facet values) goes through one escaping
// function: log text may hold ANSI escapes (ESC [ ... that recolour or rewrite the terminal), bidi
// overrides and zero-width characters. JSON lines on stdout are escaped by JSON.stringify for C0 controls
// only; jsonLine() also escapes DEL, C1 controls (U+009B is a one-byte CSI) and the invisible format
// characters, which keeps the JSON valid and its values unchanged.
import { escapeInvisible, hasInvisible } from '../core/text/invisible.ts';

/** Log-derived text for a terminal: invisible characters as `\u{202E}`, tab/line breaks as \t \n \r. */
export function terminalText(text: string): string {
  return escapeInvisible(text);
}

const JSON_UNSAFE = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** JSON.stringify, with the characters JSON leaves raw that a terminal would act on written as \uXXXX. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A facet value on a "count TAB value" line: as is, or as a JSON string when it holds anything invisible. */
export function facetValue(value: string): string {
  return hasInvisible(value) ? jsonLine(value) : value;
}

/**
 * The query on one line with a caret under `position`: long queries are cut to a window around it, and
 * invisible characters are escaped (the caret moves with the escapes).
 */
export function caretLines(query: string, position: number, width = 100): string {
  const at = Math.max(0, Math.min(position, query.length));
  const from = Math.max(0, at - Math.floor(width / 2)), to = Math.min(query.length, from + width);
  const before = (from > 0 ? '…' : '') + terminalText(query.slice(from, at)).replace(/\\[tnr]/g, ' ');
  const after = terminalText(query.slice(at, to)).replace(/\\[tnr]/g, ' ') + (to < query.length ? '…' : '');
  return `  ${before}${after}\n  ${' '.repeat([...before].length)}^`;
}
