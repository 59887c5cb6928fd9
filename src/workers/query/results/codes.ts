// A field's values as small integer codes per row, whatever its column kind: keyword fields already
// are (dictionary ids, no copy); numbers and text are interned over the rows asked for. Facets, splits
// and top-N then count with Uint32Arrays indexed by code instead of Maps keyed by log text.
import type { CaseIndex } from '../caseIndex.ts';
import type { Field } from '../fields.ts';

export interface Codes {
  /** code of each global row (0 = missing); only the rows passed to codesOf() are filled */
  ids: ArrayLike<number>;
  /** labels[code - 1] */
  labels: readonly string[];
}

export function codesOf(index: CaseIndex, field: Field, rows: Uint32Array): Codes {
  if (field.kind === 'dict') return { ids: field.ids, labels: field.values };
  const ids = new Uint32Array(index.rowCount);
  const labels: string[] = [];
  if (field.kind === 'num') {
    const seen = new Map<number, number>(), v = field.values;
    for (let i = 0; i < rows.length; i++) {
      const x = v[rows[i]];
      if (x !== x) continue;
      let code = seen.get(x);
      if (code === undefined) {
        labels.push(String(x));
        code = labels.length;
        seen.set(x, code);
      }
      ids[rows[i]] = code;
    }
    return { ids, labels };
  }
  // Map keyed by log text: "__proto__" is an ordinary key here
  const seen = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const s = field.valueOf(rows[i]);
    if (s === undefined) continue;
    let code = seen.get(s);
    if (code === undefined) {
      labels.push(s);
      code = labels.length;
      seen.set(s, code);
    }
    ids[rows[i]] = code;
  }
  return { ids, labels };
}

/** counts[code] over the rows (counts[0] = rows lacking the field). */
export function countCodes(codes: Codes, rows: Uint32Array): Uint32Array {
  const counts = new Uint32Array(codes.labels.length + 1), ids = codes.ids;
  for (let i = 0; i < rows.length; i++) counts[ids[rows[i]]]++;
  return counts;
}

/** The n codes with the highest counts (ties: label order), highest first; code 0 (missing) excluded. */
export function topCodes(counts: ArrayLike<number>, labels: readonly string[], n: number): number[] {
  const top: number[] = [];
  if (n <= 0) return top;
  for (let code = 1; code < counts.length; code++) {
    const c = counts[code];
    if (c === 0) continue;
    if (top.length === n) {
      const last = top[n - 1];
      if (c < counts[last] || (c === counts[last] && labels[code - 1] >= labels[last - 1])) continue;
      top.pop();
    }
    let i = top.length;
    while (i > 0 && (counts[top[i - 1]] < c || (counts[top[i - 1]] === c && labels[top[i - 1] - 1] > labels[code - 1]))) i--;
    top.splice(i, 0, code);
  }
  return top;
}
