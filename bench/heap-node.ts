// `node --expose-gc --import tsx bench/heap-node.ts`: bytes per event of the query index (the engine's
// in-memory case) for a Linux case (1M-line auth.log by default) and a Windows case (the EVTX bench file,
// ~100k records with hundreds of data.* fields), measured as V8 heap + array buffers after a full GC,
// with the raw text's share shown apart. Counts, not timings: stable on a loaded machine.
// The index's rows are reserved from the file's size and fitted at the end, as the engine's ingest does
// (query/ingestCapacity.ts); BENCH_GROWTH=1 lets it grow by 1.5x instead, as before issue 15's reservation.
// BENCH_BUILT (builtAs.ts): how chunks are built (default as the app's ingest worker builds them).
import { readFileSync, statSync } from 'node:fs';
import { authLog, evtxFile } from './generate.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { byteSource } from './byteSource.ts';
import { deflatesSettled } from '../src/workers/query/textBlocks.ts';
import { requireGc, usedAfterGc } from './heapBytes.ts';
import { createQueryEngine, type QueryEngine } from '../src/workers/query/engine.ts';
import { IngestCapacity } from '../src/workers/query/ingestCapacity.ts';
import type { WireChunk } from '../src/workers/chunk/packedDict.ts';
import { builtAs, builtPath } from './builtAs.ts';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);

// V8 keeps a string in one byte per character unless it holds a character above U+00FF (then two)
const bytesOf = (t: string) => t.length * (/[\u0100-\uffff]/.test(t) ? 2 : 1);

/** The raw text a chunk brings to the index (as bytes or a string); values kept apart (wide) counted too. */
function rawBytesOf(chunk: WireChunk): number {
  const raw = chunk.columns.raw;
  if (raw?.kind !== 'text') return 0;
  const wide = raw.wide === undefined ? 0 : bytesOf(raw.wide.text);
  return wide + ('textBytes' in raw ? raw.textBytes.length : bytesOf(raw.text));
}

async function load(path: string): Promise<{ q: QueryEngine; events: number; rawBytes: number }> {
  const bytes = new Uint8Array(readFileSync(path));
  const q = createQueryEngine();
  const plan = process.env.BENCH_GROWTH === '1' ? undefined : new IngestCapacity(q.index);
  plan?.file(0, bytes.length);
  let events = 0;
  let rawBytes = 0;
  const built = builtPath(builtAs(), q.index);
  await ingestFile(byteSource(path, bytes), { templates: true, ...built.options }, (wire: WireChunk) => {
    const chunk = built.resolve(wire);
    events += chunk.count;
    rawBytes += rawBytesOf(chunk);
    plan?.beforeChunk(chunk);
    q.addChunk(chunk);
  });
  built.end();
  const held = built.caseDict?.held();
  if (held !== undefined) console.log(`  the ingest side's case dictionary at the end: ${held.fields} fields kept case-wide, ${held.values.toLocaleString('en-US')} values, ~${(held.bytes / 1e6).toFixed(1)} MB`);
  plan?.end();
  await deflatesSettled(); // long raw text is deflated after each chunk (query/textBlocks.ts)
  return { q, events, rawBytes };
}

async function measure(name: string, path: string): Promise<void> {
  const before = usedAfterGc();
  const box: { held?: Awaited<ReturnType<typeof load>> } = { held: await load(path) };
  const { events, rawBytes } = box.held as Awaited<ReturnType<typeof load>>;
  const bytes = usedAfterGc() - before;
  const fields = box.held?.q.index.fieldNames().length ?? 0; // no local keeps the engine: it is dropped below
  console.log(`${name}, chunks built as ${builtAs()} (BENCH_BUILT): ${events.toLocaleString('en-US')} events, ${fields} fields, ${(statSync(path).size / 1e6).toFixed(0)} MB input`);
  console.log(`  index heap ${(bytes / 1e6).toFixed(1)} MB = ${(bytes / events).toFixed(0)} B/event; excluding raw text ${((bytes - rawBytes) / events).toFixed(0)} B/event (raw ${(rawBytes / events).toFixed(0)} B/event)`);
  // The growth above also holds what the ingest left behind that is not the index (compiled code, the
  // parsers' caches): what the index alone retains is what a full GC frees once the index is dropped.
  const withIndex = usedAfterGc();
  if (box.held?.q.index.rowCount === -1) console.log('unreachable'); // keeps q alive until measured
  box.held = undefined;
  await new Promise((r) => setTimeout(r, 0)); // lets the engine's last promise callbacks let go of it
  const retained = withIndex - usedAfterGc();
  console.log(`  retained by the index alone ${(retained / 1e6).toFixed(1)} MB = ${(retained / events).toFixed(0)} B/event; excluding raw text ${((retained - rawBytes) / events).toFixed(0)} B/event`);
}

async function main(): Promise<void> {
  requireGc();
  const which = process.argv[2] ?? 'both';
  if (which !== 'windows') await measure('Linux (auth.log)', await authLog(LINES));
  if (which !== 'linux') await measure('Windows (EVTX)', evtxFile(100_000).path);
}

void main();
