// YAML for Sigma files, each library where it fits (measured on the 655 SigmaHQ rules of the corpus:
// js-yaml loadAll 162 ms, yaml parseAllDocuments + toJS 436 ms, i.e. js-yaml ~2.7x faster):
// - js-yaml reads every file (the hot path of loading a rule repository);
// - `yaml` re-reads only a file that has a problem, to point at the exact line of the offending key.
import { CORE_SCHEMA, loadAll, YAMLException } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YNode } from 'yaml';

export interface LoadedDocs {
  docs: unknown[];
  /** line of each document's first line (1-based) */
  lines: number[];
  error?: { message: string; line: number; column: number };
}

/** Line (1-based) where each `---`-separated document starts. */
function documentLines(text: string): number[] {
  const lines = [1];
  let at = 0, line = 1;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    const end = eol < 0 ? text.length : eol;
    if (text.startsWith('---', at) && (end - at === 3 || /\s/.test(text[at + 3]))) {
      // a leading '---' opens the first document rather than a second one
      if (!(lines.length === 1 && text.slice(0, at).trim() === '')) lines.push(line + 1);
      else lines[0] = line + 1;
    }
    if (eol < 0) break;
    at = eol + 1;
    line++;
  }
  return lines;
}

export function loadDocuments(text: string): LoadedDocs {
  try {
    const docs = loadAll(text, { schema: CORE_SCHEMA }).filter((d) => d !== null && d !== undefined);
    return { docs, lines: documentLines(text) };
  } catch (e) {
    const mark = e instanceof YAMLException ? e.mark : undefined;
    const message = e instanceof YAMLException ? e.reason : String(e);
    return { docs: [], lines: [], error: { message: `YAML: ${message}`, line: mark ? mark.line + 1 : 0, column: mark ? mark.column + 1 : 0 } };
  }
}

function keyText(n: unknown): string {
  return isScalar(n) ? String(n.value) : String(n);
}

/** Line and column of a key or item inside document `doc`, by its YAML path (the deepest part that exists). */
export function locate(text: string, doc: number, path: readonly (string | number)[]): { line: number; column: number } {
  const counter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: counter });
  } catch {
    return { line: 0, column: 0 };
  }
  const list = Array.isArray(docs) ? docs.filter((d) => d.contents !== null) : [];
  const d = list[doc];
  if (d === undefined) return { line: 0, column: 0 };
  let node: unknown = d.contents;
  let offset = (d.contents as YNode | null)?.range?.[0] ?? 0;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(part));
      if (pair === undefined) break;
      offset = (pair.key as YNode | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as YNode | undefined;
      if (item === undefined) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
