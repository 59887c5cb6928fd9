// Room in the case index for an ingest, reserved from what each file will hold (issue 15): growing by 1.5x
// from 1,024 rows copied every dense field about 3 times over during a 1M-line ingest (2.3 s of regrowth +
// 1.5 s of resize, sampled) and left up to half the capacity unused in the heap. A file's first chunk tells
// its bytes per event (the byte offset of its last event over the events before it); the file's size over
// that is how many events it will give. The index reserves that at once, and is fitted to its rows at the
// end of the ingest. A file of unknown size (gzip output) or whose estimate ran out grows as before.
// Example: a 104 MB auth.log whose first 10,000 events end at byte 1,040,000 -> about 1M rows reserved.
import type { WireChunk } from '../chunk/packedDict.ts';

/** What the plan needs of the index (CaseIndex). */
export interface Reservable {
  readonly rowCount: number;
  readonly reservedRows: number;
  reserve(rows: number): void;
  /** capacity down to the row count */
  fit(): void;
}

/** Room above the estimate: line lengths vary over a file; a short estimate costs a regrowth (a copy of every field). */
const MARGIN = 1.03;
/** Fitting copies every dense field once: not worth it for a few percent of slack. */
const FIT_SLACK = 1 / 32;

interface FilePlan { bytes: number; events: number }

export class IngestCapacity {
  // Map: file ids are numbers, but a Map keeps insertion-order iteration cheap and no prototype keys
  private readonly files = new Map<number, FilePlan>();

  constructor(private readonly index: Reservable) {}

  /** A file of this ingest and its size in bytes (0 or less: unknown). */
  file(fileId: number, bytes: number): void {
    if (bytes > 0 && !this.files.has(fileId)) this.files.set(fileId, { bytes, events: 0 });
  }

  /** Before the chunk is added: on its file's first chunk, or when the rows ran out, reserve the file's estimate. */
  beforeChunk(chunk: WireChunk): void {
    if (chunk.runs !== undefined) {
      // a shared chunk holds small files whole (chunk/runs.ts): nothing of them is to come, nothing to reserve
      // (reserving each to its exact size would copy every dense field per chunk); the index grows as it fills
      for (const r of chunk.runs) this.files.delete(r.fileId);
      return;
    }
    const plan = this.files.get(chunk.fileId);
    if (plan === undefined || chunk.count === 0) return;
    const first = plan.events === 0;
    plan.events += chunk.count;
    const ix = this.index;
    const needed = ix.rowCount + chunk.count;
    if (!first && needed <= ix.reservedRows) return;
    const remaining = remainingEvents(plan, lastOffset(chunk));
    const target = needed + Math.ceil(remaining * MARGIN);
    // past the estimate (a file that grew, a compressed size): geometric growth, as without a plan
    if (!first && target < needed + chunk.count) return;
    if (target > ix.reservedRows) ix.reserve(target);
  }

  /** The end of the ingest: give back the rows reserved and not used. */
  end(): void {
    const ix = this.index;
    if (ix.reservedRows - ix.rowCount > ix.rowCount * FIT_SLACK) ix.fit();
    this.files.clear();
  }
}

/** Events still to come in the file, from the bytes per event so far; 0 when nothing tells. */
function remainingEvents(plan: FilePlan, offset: number): number {
  if (!(offset > 0) || plan.events < 2) return 0;
  const perEvent = offset / (plan.events - 1);
  return Math.max(0, (plan.bytes - offset) / perEvent - 1);
}

/** Byte offset of the chunk's last event in its file (col.offset), NaN when absent. */
function lastOffset(chunk: WireChunk): number {
  const col = chunk.columns['col.offset'];
  if (col === undefined || col.kind !== 'num' || col.values.length === 0) return NaN;
  return col.values[col.values.length - 1];
}
