// Predicates over a column's rows from a test of one value (dictionary columns tested once per distinct value,
// with lower-cased values shared by every rule of a run), and a row's text as a string: used by compiled rules
// (compile.ts), the case binding (binding.ts), group-by and explanations.
import type { ColumnView } from '../types.ts';

export type RowPred = (row: number) => boolean;

/** Lower-cased values of dictionary columns, shared by every item of every rule in a run. */
export class LowerCache {
  private readonly dicts = new Map<readonly string[], (string | undefined)[]>();

  dict(values: readonly string[]): (string | undefined)[] {
    let low = this.dicts.get(values);
    if (low === undefined) this.dicts.set(values, low = new Array<string | undefined>(values.length));
    return low;
  }
}

type Test = (v: string | undefined, lower: string | undefined) => boolean;

/** A predicate over rows from a test of one value (dictionary columns: one test per distinct value). */
export function valuePred(col: ColumnView | undefined, test: Test, lowers: LowerCache, shared?: Uint8Array): RowPred {
  if (col === undefined) {
    const c = test(undefined, undefined);
    return () => c;
  }
  if (col.kind === 'dict') {
    const { values, ids } = col;
    const low = lowers.dict(values);
    // 0 = not yet tested, 1 = match, 2 = no match
    const verdict = shared ?? new Uint8Array(values.length + 1);
    return (row) => {
      const id = ids[row];
      let v = verdict[id];
      if (v === 0) {
        if (id === 0) v = test(undefined, undefined) ? 1 : 2;
        else {
          const x = values[id - 1];
          v = test(x, low[id - 1] ??= x.toLowerCase()) ? 1 : 2;
        }
        verdict[id] = v;
      }
      return v === 1;
    };
  }
  if (col.kind === 'num') {
    const values = col.values;
    return (row) => {
      const x = values[row];
      const s = x === x ? String(x) : undefined;
      // 'Infinity' is the one number text with capitals
      return test(s, s === undefined || x - x === 0 ? s : s.toLowerCase());
    };
  }
  return (row) => {
    const x = col.valueOf(row);
    return test(x, x?.toLowerCase());
  };
}

/** The text of a row as a string, for fieldref and group-by (undefined when absent). */
export function reader(col: ColumnView | undefined): (row: number) => string | undefined {
  if (col === undefined) return () => undefined;
  if (col.kind === 'dict') return (row) => (col.ids[row] === 0 ? undefined : col.values[col.ids[row] - 1]);
  if (col.kind === 'num') return (row) => (col.values[row] === col.values[row] ? String(col.values[row]) : undefined);
  return (row) => col.valueOf(row);
}
