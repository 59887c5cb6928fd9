// The engine's CaseIndex as the read-only columnar view that src/detect reads (detect/types.ts EventTable).
// No copy: dictionary and number columns are the index's own arrays, text columns read one row at a time.
import type { ColumnView, EventTable, TextRun } from '../../detect/types.ts';
import type { CaseIndex } from './caseIndex.ts';
import type { TextSegment } from './fields.ts';

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
        runs: () => f.segments.map((seg) => (seg.spans !== undefined ? spanRun(seg) : {
          base: seg.base, count: seg.count, text: seg.text, ends: seg.ends,
          ...(seg.wide !== undefined ? { elsewhere: (local: number) => seg.has(local) } : {}),
        })),
      };
    },
    tsOf: (row: number) => index.ts[row] ?? NaN,
    timeOrder: () => index.timeOrder(),
  };
}

/**
 * A segment whose rows are spans of raw (chunk format 4) read in place in raw's text; a row with its own text
 * (or a wide raw) is read with valueOf (`elsewhere`).
 */
function spanRun(seg: TextSegment): TextRun {
  const raw = seg.raw(), spans = seg.spans;
  const starts = new Uint32Array(seg.count), ends = new Uint32Array(seg.count);
  const inRaw = new Uint8Array(seg.count);
  if (raw !== undefined && spans !== undefined) {
    for (let i = 0; i < seg.count; i++) {
      const n = spans.length[i], at = raw.start(i);
      if (n === 0 || raw.ends[i] === at) continue;
      starts[i] = at + spans.start[i];
      ends[i] = starts[i] + n;
      inRaw[i] = 1;
    }
  }
  return { base: seg.base, count: seg.count, text: raw?.text ?? '', starts, ends, elsewhere: (local) => inRaw[local] === 0 && seg.has(local) };
}
