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
        runs: () => f.segments.map((seg) => (seg.spans !== undefined ? spanRun(seg) : seg.blocks !== undefined ? deflatedRun(seg) : {
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
 * Text inflated for a run of a deflated segment: a pass reads runs in order, so only the last run read keeps its
 * text (not the case's), and that goes with the runs (weakly held).
 */
const inflated = new WeakMap<TextRun, string>();
let lastRun: WeakRef<TextRun> | undefined;

function inflatedText(run: TextRun, seg: TextSegment): string {
  let text = inflated.get(run);
  if (text === undefined) {
    const prev = lastRun?.deref();
    if (prev !== undefined) inflated.delete(prev);
    inflated.set(run, text = seg.text);
    lastRun = new WeakRef(run);
  }
  return text;
}

/**
 * A segment kept deflated (long raw text, textBlocks.ts): its text is inflated when the run is first read, and
 * only the last run read keeps it.
 */
function deflatedRun(seg: TextSegment): TextRun {
  const run: TextRun = {
    base: seg.base, count: seg.count, ends: seg.ends,
    get text(): string {
      return inflatedText(run, seg);
    },
    ...(seg.wide !== undefined ? { elsewhere: (local: number) => seg.has(local) } : {}),
  };
  return run;
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
  const run: TextRun = {
    base: seg.base, count: seg.count, starts, ends, elsewhere: (local) => inRaw[local] === 0 && seg.has(local),
    // raw kept deflated: inflated when first read, the last run's only (as deflatedRun)
    get text(): string {
      return raw?.blocks === undefined ? raw?.text ?? '' : inflatedText(run, raw);
    },
  };
  return run;
}
