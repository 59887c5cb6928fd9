// The engine's CaseIndex as the read-only columnar view that src/detect reads (detect/types.ts EventTable).
// No copy: dictionary and number columns are the index's own arrays, text columns read one row at a time.
import type { ColumnView, EventTable } from '../../detect/types.ts';
import type { CaseIndex } from './caseIndex.ts';

export function caseTable(index: CaseIndex): EventTable {
  return {
    get rowCount() { return index.rowCount; },
    fieldNames: () => index.fieldNames(),
    column(name: string): ColumnView | undefined {
      const f = index.field(name);
      if (f === undefined) return undefined;
      // the arrays may grow (and be replaced) with the next chunk: read them when asked, never cache the view
      if (f.kind === 'dict') return { kind: 'dict', values: f.values, ids: f.ids };
      if (f.kind === 'num') return { kind: 'num', values: f.values };
      return {
        kind: 'text', valueOf: (row: number) => f.valueOf(row),
        // the chunks' joined text; a value with a character above U+00FF is kept apart (chunk/wideText.ts)
        runs: () => f.segments.map((seg) => ({
          base: seg.base, count: seg.count, text: seg.text, ends: seg.ends,
          ...(seg.wide !== undefined ? { elsewhere: (local: number) => seg.has(local) } : {}),
        })),
      };
    },
    tsOf: (row: number) => index.ts[row] ?? NaN,
    timeOrder: () => index.timeOrder(),
  };
}
