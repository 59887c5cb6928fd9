// Small chunks and ledger rows for the store tests.
import type { FileLedgerEntry } from '../../../src/workers/api.ts';
import { ChunkBuilder, type EventChunk } from '../../../src/workers/chunk/chunk.ts';

/** A chunk of `count` events of one file; every `unparsedEvery`-th event is an unparsed record. */
export function makeChunk(fileId: number, seq: number, count: number, unparsedEvery = 0): EventChunk {
  const b = new ChunkBuilder(count);
  for (let i = 0; i < count; i++) {
    const n = seq * count + i;
    const unparsed = unparsedEvery > 0 && i % unparsedEvery === 0;
    b.add(unparsed
      ? { ts: 1_700_000_000_000 + n, raw: `garbage ${n}`, 'col.line': n + 1, 'col.offset': n * 40, 'parser.name': 'unparsed', 'parse.error': 'no match' }
      : { ts: 1_700_000_000_000 + n, raw: `line ${n}`, message: `hello ${n}`, 'col.line': n + 1, 'col.offset': n * 40, 'parser.name': 'syslog3164', 'obs.host.name': `host${n % 3}` });
  }
  return b.build(fileId, seq);
}

export function ledgerRow(path: string, over: Partial<FileLedgerEntry> = {}): Omit<FileLedgerEntry, 'id'> {
  return {
    path, size: 100, sha256: '', parserId: 'syslog3164', confidence: 1, state: 'done', bytesRead: 100,
    events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [], ...over,
  };
}

let n = 0;
/** A case id no other test uses (all tests of a file share one fake IndexedDB). */
export function freshCaseId(label: string): string {
  return `${label}-${++n}-${Math.random().toString(36).slice(2, 6)}`;
}
