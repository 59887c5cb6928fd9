// Small whole members' chunks held back and sent as one shared chunk (chunk/shareChunks.ts, issue 9 item 11):
// each chunk was one message to the engine, one index append and one IndexedDB record, per member. The reading
// side (ingestBundle) decides what may be held (a member's only chunk) and must never wait on a held chunk: it
// calls flush() before it waits on anything a held chunk's write could be part of. Order is kept: a chunk that
// is not held flushes what is held first, and a shared chunk takes its members' place in the order.
import type { WireChunk } from '../chunk/packedDict.ts';
import { SharedChunkJoin } from '../chunk/shareChunks.ts';

interface Waiting { written: Promise<void>; resolve: () => void; reject: (e: unknown) => void }

export class ChunkGather {
  private readonly join = new SharedChunkJoin();
  /** the held members' promise: settles with their shared chunk's write */
  private waiting: Waiting | undefined;

  constructor(private readonly send: (chunk: WireChunk) => Promise<void>) {}

  /** Holds a member's only chunk for a shared one; resolves when that is written (a chunk it cannot join: sent alone). */
  hold(chunk: WireChunk): Promise<void> {
    if (!this.join.canTake(chunk)) this.flush();
    // a form no shared chunk takes (or more rows than one holds): on its own, after what was held
    if (!this.join.canTake(chunk)) return this.sendNow(chunk);
    this.join.add(chunk);
    const w = this.waiting ??= waiting();
    if (this.join.full) this.flush();
    return w.written;
  }

  /** A chunk not to be held: what is held goes first. */
  pass(chunk: WireChunk): Promise<void> {
    this.flush();
    return this.sendNow(chunk);
  }

  /** `written` (from hold) is still held here: waiting on it without flush() would never end. */
  holds(written: Promise<void> | undefined): boolean {
    return written !== undefined && this.waiting?.written === written;
  }

  /** Sends what is held, as one shared chunk (or the one chunk held, as it is). */
  flush(): void {
    const w = this.waiting;
    if (w === undefined) return;
    this.waiting = undefined;
    let chunk: WireChunk | undefined;
    try {
      chunk = this.join.take();
    } catch (e) {
      w.reject(e);
      return;
    }
    if (chunk === undefined) return w.resolve();
    this.sendNow(chunk).then(w.resolve, w.reject);
  }

  private sendNow(chunk: WireChunk): Promise<void> {
    try {
      return this.send(chunk);
    } catch (e) {
      return Promise.reject(e);
    }
  }
}

function waiting(): Waiting {
  let resolve!: () => void, reject!: (e: unknown) => void;
  const written = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // every member's write path handles it; the promise itself must not report an unhandled rejection
  written.catch(() => {});
  return { written, resolve, reject };
}
