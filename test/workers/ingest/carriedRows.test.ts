// The ingest worker's rows ride with its chunks (carriedRows.ts, issue 9 item 11): the carrier alone (order,
// what waits, errors), then the worker's whole path run in this thread through the engine (fake-indexeddb):
// the same ledger, events, duplicates and removals as the in-thread runner.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { carriedHooks, carryInto, RowCarrier, type Outcome, type RowOp } from '../../../src/workers/ingest/carriedRows.ts';
import { ingestBundle } from '../../../src/workers/ingest/ingestBundle.ts';
import { toSource, type IngestRunner } from '../../../src/workers/ingest/runner.ts';
import { packChunk, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { createEngine } from '../../../src/workers/engine.ts';
import type { DuplicateQuestion, FileLedgerEntry } from '../../../src/workers/api.ts';
import { accounted, dropped, enc, syslogLines, total } from '../../reliability/helpers.ts';

const row = (id: number, path = `f${id}.log`): FileLedgerEntry => ({
  id, path, size: 10, sha256: '', parserId: '', confidence: 0, state: 'reading', bytesRead: 0, events: 0, unparsed: 0, meta: 0,
  tzOffsetMinutes: 0, timeGuess: '', issues: [],
});
const chunkOf = (fileId: number): WireChunk => ({ fileId, seq: 0, count: 1, columns: {} });
const nextTask = () => new Promise<void>((r) => setTimeout(r, 5));

/** A fake engine: records each message (its ops and chunk), answers as told. */
function recorder(answer: (ops: RowOp[], chunk?: WireChunk) => Outcome[] | Promise<Outcome[]> = (ops, chunk) => [...ops, ...(chunk ? [chunk] : [])].map(() => ({ ok: true }))) {
  const messages: { ops: RowOp[]; chunk?: WireChunk }[] = [];
  return { messages, send: async (ops: RowOp[], chunk?: WireChunk) => { messages.push({ ops, chunk }); return answer(ops, chunk); } };
}

describe('RowCarrier', () => {
  it('sends the queued rows with the next chunk, in call order, one message; rows return when queued', async () => {
    const r = recorder();
    const carrier = new RowCarrier(r.send);
    expect(await carrier.addFile({ ...row(7) })).toBe(7);
    await carrier.updateFile({ ...row(7), state: 'done' });
    await carrier.chunk(chunkOf(7));
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0].ops.map((o) => [o.kind, o.entry.id, o.entry.state])).toEqual([['add', 7, 'reading'], ['put', 7, 'done']]);
    expect(r.messages[0].chunk?.fileId).toBe(7);
  });

  it('rows that no chunk takes go alone on the next task; settle() waits for their answer', async () => {
    const r = recorder();
    const carrier = new RowCarrier(r.send);
    await carrier.updateFile(row(1));
    expect(r.messages).toHaveLength(0);
    await nextTask();
    expect(r.messages.map((m) => [m.ops.length, m.chunk])).toEqual([[1, undefined]]);
    await carrier.updateFile(row(2));
    await carrier.settle();
    expect(r.messages).toHaveLength(2);
  });

  it('addFile without an id waits for the id the engine gives', async () => {
    const r = recorder((ops) => ops.map(() => ({ ok: true, id: 42 })));
    const carrier = new RowCarrier(r.send);
    const { id: _none, ...entry } = row(0);
    expect(await carrier.addFile(entry)).toBe(42);
  });

  it('a row the engine failed to take is thrown by the next call and by settle(), with its name', async () => {
    const r = recorder((ops, chunk) => [...ops.map((): Outcome => ({ ok: false, name: 'QuotaExceededError', message: 'full' })), ...(chunk ? [{ ok: true } as Outcome] : [])]);
    const carrier = new RowCarrier(r.send);
    await carrier.updateFile(row(1));
    await carrier.chunk(chunkOf(1)); // the chunk itself was written
    await expect(carrier.updateFile(row(2))).rejects.toMatchObject({ name: 'QuotaExceededError', message: 'full' });
    await carrier.updateFile(row(3));
    await expect(carrier.settle()).rejects.toMatchObject({ name: 'QuotaExceededError' });
  });

  it('a chunk the engine failed to write rejects with the error\'s name (the ledger says "Storage is full")', async () => {
    const r = recorder((ops) => [...ops.map((): Outcome => ({ ok: true })), { ok: false, name: 'QuotaExceededError', message: 'no room' }]);
    const carrier = new RowCarrier(r.send);
    await expect(carrier.chunk(chunkOf(1))).rejects.toMatchObject({ name: 'QuotaExceededError', message: 'no room' });
  });

  it('a removal goes after the rows queued before it', async () => {
    const order: string[] = [];
    const hooks = carriedHooks({
      addFile: async () => 0, updateFile: async () => {}, chunk: async () => {}, progress: () => {},
      deleteFile: async (id) => { order.push(`delete ${id}`); },
      askDuplicate: async () => 'keep',
      carry: async (ops) => { order.push(...ops.map((o) => `${o.kind} ${o.entry.id}`)); return ops.map(() => ({ ok: true })); },
    }, (c) => c);
    await hooks.hooks.addFile(row(5));
    await hooks.hooks.deleteFile!(5);
    expect(order).toEqual(['add 5', 'delete 5']);
  });
});

describe('carryInto (the engine side)', () => {
  it('starts every op, in order, before the chunk, in the message\'s task, and answers each', async () => {
    const calls: string[] = [];
    const carry = carryInto({
      addFile: async (e) => { calls.push(`add ${e.id}`); return e.id ?? 0; },
      updateFile: async (e) => { calls.push(`put ${e.id}`); if (e.id === 2) throw Object.assign(new Error('nope'), { name: 'DataError' }); },
      chunk: async (c) => { calls.push(`chunk ${c.fileId}`); },
    });
    const answer = carry([{ kind: 'add', entry: row(1) }, { kind: 'put', entry: row(2) }], chunkOf(1));
    expect(calls).toEqual(['add 1', 'put 2', 'chunk 1']);
    expect(await answer).toEqual([{ ok: true, id: 1 }, { ok: false, name: 'DataError', message: 'nope' }, { ok: true }]);
  });
});

/** The ingest worker's path (carriedHooks -> carryInto, chunks packed and cloned as a message clones them), run here. */
const carriedRunner: IngestRunner = async (files, options, hooks) => {
  const carried = carriedHooks({ ...hooks, carry: carryInto(hooks) }, (c) => structuredClone(packChunk(c)));
  const ledger = await ingestBundle(files.map(toSource), { ...options, textAsBytes: true, textSpans: true }, carried.hooks);
  await carried.settle();
  return ledger;
};

const MEMBERS = 60;
const zip = () => {
  const files: Record<string, Uint8Array> = {};
  for (let m = 0; m < MEMBERS; m++) files[`logs/m${String(m).padStart(3, '0')}.log`] = enc(syslogLines(m % 5 === 0 ? 0 : 3 + (m % 4), `m${m}`));
  return zipSync(files);
};
const shape = (rows: FileLedgerEntry[]) => rows.map((r) => ({ id: r.id, path: r.path, member: r.member, state: r.state, events: r.events, unparsed: r.unparsed, meta: r.meta, sha256: r.sha256, parserId: r.parserId, message: r.message }));

describe('an archive through the carried rows, against the in-thread runner', () => {
  it('gives the same ledger rows and events, and a member removed after', async () => {
    const results = [];
    for (const runIngest of [undefined, carriedRunner]) {
      const engine = createEngine(runIngest === undefined ? {} : { runIngest });
      await engine.createCase('carried');
      await engine.ingest([dropped('a.zip', zip())], {}, () => {});
      const rows = await engine.ledger();
      const before = await total(engine);
      await engine.removeFile(rows[3].id);
      results.push({ rows: shape(rows), before, after: await total(engine), accounted: accounted(rows), left: (await engine.ledger()).length });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[1].rows.filter((r) => r.state === 'done')).toHaveLength(MEMBERS - MEMBERS / 5);
    expect(results[1].before).toBe(results[1].accounted);
  });

  it.each(['skip', 'replace', 'keep'] as const)('asks about the same archive twice, then %s, as the in-thread runner does', async (answer) => {
    const results = [];
    for (const runIngest of [undefined, carriedRunner]) {
      const engine = createEngine(runIngest === undefined ? {} : { runIngest });
      await engine.createCase(`twice ${answer}`);
      await engine.ingest([dropped('a.zip', zip())], {}, () => {});
      const asked: DuplicateQuestion[] = [];
      await engine.ingest([dropped('a.zip', zip())], {}, () => {}, async (q) => { asked.push(q); return answer; });
      const rows = await engine.ledger();
      results.push({ asked, rows: shape(rows), events: await total(engine), accounted: accounted(rows) });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[1].asked.map((q) => q.by)).toEqual(['path-size']);
    expect(results[1].events).toBe(results[1].accounted);
  });
});
