// Query text across the redaction boundary. While Redact is on the user sees only pseudonyms, so what the user
// types (or clicks: facet chips, dashboard bars, entity pages) names pseudonyms: `typedToStored` puts the
// originals back for the engine (never shown). Query text the engine writes for the UI (FilterValue.query,
// entity and evidence queries) names originals: `storedToShown` puts the pseudonyms in. Both edit only the
// values, by their spans in the parsed query, so the rest of the text stays as it was.
import { parseQuery } from '../query/language/parser.ts';
import type { Node, Value } from '../query/language/ast.ts';
import { valueText } from '../query/queryText.ts';
import { aliasTargets } from '../query/aliases.ts';
import type { Redactor } from './redactor.ts';

interface Edit { pos: number; end: number; text: string }

/** At most this many originals stand in for one wildcard typed over pseudonyms (`user:user-*`). */
const MAX_WILDCARD_ORIGINALS = 1000;

function visit(node: Node, leaf: (field: string | undefined, v: Value) => void): void {
  switch (node.type) {
    case 'and': case 'or': for (const c of node.children) visit(c, leaf); break;
    case 'not': visit(node.child, leaf); break;
    case 'match': leaf(node.field, node.value); break;
    case 'text': leaf(undefined, node.value); break;
    default: break; // all, exists, range (bounds are numbers and times)
  }
}

function applyEdits(src: string, edits: Edit[]): string {
  if (edits.length === 0) return src;
  edits.sort((a, b) => a.pos - b.pos);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += src.slice(at, e.pos) + e.text;
    at = e.end;
  }
  return out + src.slice(at);
}

/** A literal as query text: quoted when it was (or must be), bare otherwise. */
function literal(text: string, quoted: boolean): string {
  return quoted ? `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"` : valueText(text);
}

function wildcardRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

export interface Translated {
  text: string;
  /** a position in `text` -> the position in the typed query (errors and warnings point at what was typed) */
  typedPos(pos: number): number;
  /** an engine message about `text` with the originals put in back in as typed (an error may quote a value) */
  typedMessage(message: string): string;
}

/**
 * What the user typed -> what the engine runs: every pseudonym this case gave (whole values, or inside a phrase)
 * becomes its original; a wildcard also matches the originals of the pseudonyms it matches. Text that does not
 * parse is returned as it is (the engine then reports the error where the user typed it).
 */
export function typedToStored(src: string, red: Redactor): Translated {
  const same: Translated = { text: src, typedPos: (p) => p, typedMessage: (m) => m };
  const parsed = parseQuery(src);
  if (!parsed.ok) return same;
  const edits: Edit[] = [];
  /** original -> the pseudonym typed for it */
  const swapped = new Map<string, string>();
  visit(parsed.value, (_field, v) => {
    if (v.kind === 'literal') {
      const t = red.untext(v.text, swapped);
      if (t !== v.text) edits.push({ pos: v.pos, end: v.end, text: literal(t, v.quoted) });
    } else if (v.kind === 'wildcard') {
      const re = wildcardRegex(v.pattern);
      const originals = new Set<string>();
      for (const [pseudonym, original] of red.pseudonyms()) {
        if (re.test(pseudonym)) {
          originals.add(original);
          swapped.set(original, pseudonym);
        }
        if (originals.size >= MAX_WILDCARD_ORIGINALS) break;
      }
      if (originals.size > 0) edits.push({ pos: v.pos, end: v.end, text: `(${[src.slice(v.pos, v.end), ...[...originals].map((o) => literal(o, true))].join(' or ')})` });
    }
  });
  if (edits.length === 0) return same;
  const text = applyEdits(src, edits);
  const sorted = [...edits].sort((a, b) => a.pos - b.pos);
  return {
    text,
    typedMessage(message) {
      let m = message;
      for (const [original, pseudonym] of [...swapped].sort((a, b) => b[0].length - a[0].length)) m = m.split(original).join(pseudonym);
      return m;
    },
    typedPos(pos) {
      let shift = 0;
      for (const e of sorted) {
        const start = e.pos + shift;
        if (pos < start) break;
        if (pos < start + e.text.length) return e.pos; // inside a replaced value: its start as typed
        shift += e.text.length - (e.end - e.pos);
      }
      return pos - shift;
    },
  };
}

/**
 * Query text the engine wrote (with originals) -> as the user may see it: each field value as that field shows
 * it (red.value), free-text values with the addresses and names in them replaced.
 */
export function storedToShown(src: string, red: Redactor): string {
  const parsed = parseQuery(src);
  if (!parsed.ok) return red.text(src);
  const edits: Edit[] = [];
  visit(parsed.value, (field, v) => {
    if (v.kind !== 'literal') return;
    // an alias (user.name, src_ip) reads as the field it stands for
    const f = field === undefined ? undefined : red.kindOf(field) === 'text' ? aliasTargets(field)?.[0] ?? field : field;
    // text values (paths, messages) also lose the case's account and host names (logs/web02/auth.log)
    const shown = f === undefined || red.kindOf(f) === 'text' ? red.names(red.text(v.text), red.knownWords()) : String(red.value(f, v.text));
    if (shown !== v.text) edits.push({ pos: v.pos, end: v.end, text: literal(shown, v.quoted) });
  });
  return applyEdits(src, edits);
}

/** Text the user wrote while seeing pseudonyms (a note), as it may be shown: its pseudonyms stay the same. */
export function shownText(s: string, red: Redactor, words?: Parameters<Redactor['text']>[1]): string {
  return red.text(red.untext(s), words);
}
