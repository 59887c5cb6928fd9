// Where the caret is in the query, for autocomplete: typing a field name (suggest fields and aliases)
// or a value after `field:` (suggest that field's top values). Pure: the query bar asks the engine.
// Example: contextAt('sshd and outcome:fa', 19) = { kind: 'value', field: 'outcome', partial: 'fa', start: 17, end: 19 }.
import { fieldToken, valueToken } from './clauses.ts';

export type SuggestContext =
  | { kind: 'field'; partial: string; start: number; end: number }
  | { kind: 'value'; field: string; partial: string; start: number; end: number };

const KEYWORDS = new Set(['and', 'or', 'not']);

export function contextAt(query: string, caret: number): SuggestContext | undefined {
  const before = query.slice(0, caret);
  // inside an open quote: no suggestions (free-text phrase or quoted value being typed)
  if (((before.replace(/\\./g, '').match(/"/g) ?? []).length & 1) === 1) return undefined;
  // the word being typed: back to the last space or parenthesis
  const m = /(?:\\.|[^\s()\\])*$/.exec(before);
  const word = m?.[0] ?? '';
  const start = caret - word.length;
  let end = caret;
  while (end < query.length && !/[\s()]/.test(query[end])) end += query[end] === '\\' ? 2 : 1;
  end = Math.min(end, query.length);
  const colon = word.search(/(?<!\\):/);
  if (colon > 0) {
    const field = word.slice(0, colon).replace(/\\(.)/g, '$1').replace(/^-/, '');
    // `field:>` and the like: ranges, not a value to complete
    const partial = word.slice(colon + 1);
    if (/^[<>=]/.test(partial)) return undefined;
    return { kind: 'value', field, partial, start: start + colon + 1, end };
  }
  if (word === '' || KEYWORDS.has(word.toLowerCase())) return word === '' ? { kind: 'field', partial: '', start, end } : undefined;
  return { kind: 'field', partial: word, start, end };
}

/** Names starting with the partial first, then names containing it; case-insensitive. */
export function rankNames(names: readonly string[], partial: string, limit: number): string[] {
  const p = partial.toLowerCase();
  const starts: string[] = [], contains: string[] = [];
  for (const n of names) {
    const low = n.toLowerCase();
    if (low.startsWith(p)) starts.push(n);
    else if (p !== '' && low.includes(p)) contains.push(n);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** The query with the suggestion put in place of the word at the caret, and the caret after it. */
export function applySuggestion(query: string, ctx: SuggestContext, chosen: string): { text: string; caret: number } {
  const insert = ctx.kind === 'field' ? `${fieldToken(chosen)}:` : `${valueToken(chosen)} `;
  const text = query.slice(0, ctx.start) + insert + query.slice(ctx.end).replace(ctx.kind === 'value' ? /^\s+/ : /^$/, '');
  return { text, caret: ctx.start + insert.length };
}
