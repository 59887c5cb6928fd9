// Ledger rows ride with chunks between the ingest worker and the engine (issue 9 item 11). Each member of an
// archive made three calls to the engine (its new row, its chunk, its final row), each a message and a reply
// through comlink: on 10,000 two-line members those messages were a fifth of both workers' CPU. The rows'
// calls return at once on the engine's side (ledgerBatch.ts queues them), so here they are queued instead and
// sent with the next chunk, in one message, or alone on the next task when no chunk takes them. Order is kept:
// ops and chunks reach the engine in the order they were called, and the engine applies them in that order.
import type { FileLedgerEntry } from '../api.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import type { BundleIngestHooks } from './ingestBundle.ts';
import type { RunnerHooks } from './runner.ts';

/** A row call queued in the ingest worker: a new row (its id given by the reading side) or an updated one. */
export type RowOp =
  | { kind: 'add'; entry: Omit<FileLedgerEntry, 'id'> & { id?: number } }
  | { kind: 'put'; entry: FileLedgerEntry };

/** What one op or the chunk came to: add gives the row's id; an error keeps its name (QuotaExceededError). */
export type Outcome = { ok: true; id?: number } | { ok: false; name: string; message: string };

/** The engine's side: ops applied in order, then the chunk; one outcome per op, then one for the chunk. */
export type CarryRows = (ops: RowOp[], chunk?: WireChunk) => Promise<Outcome[]>;

export interface RowHooks {
  addFile(entry: Omit<FileLedgerEntry, 'id'> & { id?: number }): Promise<number>;
  updateFile(entry: FileLedgerEntry): Promise<void>;
  chunk(chunk: WireChunk): Promise<void>;
}

/**
 * The engine's handler (workerRunner.ts). Every op is started before the chunk, in order and in the same task
 * (the message's), as separate calls were: a queued row is written with its chunk (ledgerBatch.ts).
 */
export function carryInto(hooks: RowHooks): CarryRows {
  return async (ops, chunk) => {
    const started: Promise<number | void>[] = ops.map((op) => (op.kind === 'add' ? hooks.addFile(op.entry) : hooks.updateFile(op.entry)));
    if (chunk !== undefined) started.push(hooks.chunk(chunk));
    const settled = await Promise.allSettled(started);
    return settled.map((s): Outcome => (s.status === 'fulfilled'
      ? (typeof s.value === 'number' ? { ok: true, id: s.value } : { ok: true })
      : { ok: false, name: errorName(s.reason), message: errorMessage(s.reason) }));
  };
}

/**
 * The ingest worker's side: addFile and updateFile queue their row; chunk() sends the queued rows with the
 * chunk; rows no chunk took go on the next task (a member with no chunk, the final rows of the last members).
 * A row call returns when it is queued, as the engine's own call did (ledgerBatch.ts queues rows: they are
 * written with a later chunk): waiting for the message's reply would make each member's final row wait for a
 * later member's chunk to be written, and members' tails run one after another. Only addFile without an id
 * (the store gives it) waits for the reply. A failure reported for a row is thrown by the next call, as the
 * engine's batch throws a failed flush at the next row (ledgerBatch.ts), and by settle() at the end.
 * `send` posts at once (a comlink call): a call made elsewhere after flushNow() arrives after these rows.
 */
export class RowCarrier implements RowHooks {
  private ops: RowOp[] = [];
  /** per queued op: who waits for its outcome (addFile without an id), else undefined */
  private waiting: (((o: Outcome) => void) | undefined)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly posted = new Set<Promise<unknown>>();
  private failure: Outcome | undefined;

  constructor(private readonly send: (ops: RowOp[], chunk?: WireChunk) => Promise<Outcome[]>) {}

  async addFile(entry: Omit<FileLedgerEntry, 'id'> & { id?: number }): Promise<number> {
    this.throwFailure();
    if (entry.id !== undefined) {
      this.queue({ kind: 'add', entry }, undefined);
      return entry.id;
    }
    const o = await new Promise<Outcome>((resolve) => this.queue({ kind: 'add', entry }, resolve));
    if (o.ok && o.id !== undefined) return o.id;
    throw failure(o);
  }

  async updateFile(entry: FileLedgerEntry): Promise<void> {
    this.throwFailure();
    this.queue({ kind: 'put', entry }, undefined);
  }

  /** The chunk with every queued row, in one message; resolves when the engine has written the chunk. */
  async chunk(chunk: WireChunk): Promise<void> {
    this.throwFailure();
    const o = await this.post(chunk);
    if (!o.ok) throw failure(o);
  }

  /** Sends the queued rows now (before a call that must find them applied: a removal, a question). */
  flushNow(): void {
    if (this.ops.length > 0) void this.post(undefined);
  }

  /** The end of the ingest: every queued row sent and answered; a failure reported for one is thrown. */
  async settle(): Promise<void> {
    this.flushNow();
    while (this.posted.size > 0) await Promise.all(this.posted);
    this.throwFailure();
  }

  private queue(op: RowOp, waiter: ((o: Outcome) => void) | undefined): void {
    this.ops.push(op);
    this.waiting.push(waiter);
    this.timer ??= setTimeout(() => this.flushNow(), 0);
  }

  /** Posts the queued ops (and the chunk); resolves with the chunk's outcome (ok without one). */
  private post(chunk: WireChunk | undefined): Promise<Outcome> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const { ops, waiting } = this;
    this.ops = [];
    this.waiting = [];
    const sent = this.send(ops, chunk).then((outcomes) => {
      ops.forEach((_, i) => this.settled(outcomes[i] ?? { ok: false, name: 'Error', message: 'bug: no outcome for a row' }, waiting[i]));
      return chunk === undefined ? { ok: true } as const : (outcomes[ops.length] ?? { ok: false, name: 'Error', message: 'bug: no outcome for the chunk' });
    }, (e: unknown): Outcome => {
      // the message itself failed (the engine is gone): every call it carried fails with it
      const o: Outcome = { ok: false, name: errorName(e), message: errorMessage(e) };
      for (const w of waiting) this.settled(o, w);
      return o;
    });
    this.posted.add(sent);
    void sent.finally(() => this.posted.delete(sent));
    return sent;
  }

  private settled(o: Outcome, waiter: ((o: Outcome) => void) | undefined): void {
    if (waiter !== undefined) waiter(o);
    else if (!o.ok) this.failure ??= o;
  }

  private throwFailure(): void {
    const o = this.failure;
    if (o === undefined) return;
    this.failure = undefined;
    throw failure(o);
  }
}

/**
 * The ingest worker's hooks over the engine's (a comlink proxy in the browser): rows and chunks through one
 * RowCarrier; `prepare` readies a chunk for the message (the worker packs it and marks its buffers to transfer).
 * `settle` at the end of the ingest sends what is left and waits for its answer; `flushNow` only sends it.
 */
export function carriedHooks(
  hooks: RunnerHooks & { carry: CarryRows }, prepare: (chunk: WireChunk) => WireChunk,
): { hooks: BundleIngestHooks<WireChunk>; settle(): Promise<void>; flushNow(): void } {
  const rows = new RowCarrier((ops, chunk) => hooks.carry(ops, chunk === undefined ? undefined : prepare(chunk)));
  return {
    flushNow: () => rows.flushNow(),
    settle: () => rows.settle(),
    hooks: {
      addFile: (entry) => rows.addFile(entry),
      updateFile: (entry) => rows.updateFile(entry),
      chunk: (chunk) => rows.chunk(chunk),
      progress: (files) => void hooks.progress(files),
      // called only with options.duplicates, whose callers (caseIngest) provide both (a proxy cannot tell absent
      // ones); the queued rows go first: a removal finds the row it removes written or queued, never after it
      deleteFile: (id) => {
        rows.flushNow();
        return hooks.deleteFile!(id);
      },
      askDuplicate: (q) => {
        rows.flushNow();
        return hooks.askDuplicate!(q);
      },
    },
  };
}

function failure(o: Outcome): Error {
  if (o.ok) return new Error('bug: a row added without an id');
  // as comlink passed a thrown error back: a plain Error carrying the original name
  return Object.assign(new Error(o.message), { name: o.name });
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : 'Error';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : String(e);
}
