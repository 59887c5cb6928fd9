// A field the ingest worker stops keeping case-wide (chunk/caseFieldBudget.ts: mostly distinct source
// addresses) through the whole engine: its chunk-local columns are interned by the engine and stored as case
// ids like every other keyword column, its values written once each to the `dict` store; a reopen (which copies
// ids and looks nothing up) answers exactly as the writing session, and after a second ingest into the reopened
// case (the field seeded from the stored dictionary again) too. The snapshot's budget: caseFieldBudget.test.ts.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { createEngine } from '../../../src/workers/engine.ts';
import { CASE_DB_PREFIX } from '../../../src/workers/store/schema.ts';
import { valuesOfRuns } from '../../../src/workers/store/caseDict.ts';
import { answers } from './caseAnswers.ts';

const LAST_MODIFIED = 1772582400000;
const QUERIES = ['', 'init.host.ip:203.0.113.7', 'init.host.ip:10.0.0.0/16', 'init.host.ip:10.0.97.3', 'target.usr.name:root'];

/** An auth.log of `n` lines from `from`: a new source address on every line but every 100th (203.0.113.7). */
function authLog(from: number, n: number): string {
  let out = '';
  for (let i = from; i < from + n; i++) {
    const ip = i % 100 === 0 ? '203.0.113.7' : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const s = String(i % 60).padStart(2, '0'), m = String(Math.floor(i / 60) % 60).padStart(2, '0');
    out += `Mar  1 1${Math.floor(i / 3600) % 10}:${m}:${s} web0${i % 3} sshd[${1000 + (i % 5000)}]: Failed password for ${i % 7 === 0 ? 'root' : 'invalid user bob'} from ${ip} port ${1024 + (i % 60000)} ssh2\n`;
  }
  return out;
}

const dropped = (name: string, text: string) => [{ path: name, file: new File([text], name, { lastModified: LAST_MODIFIED }) }];

async function storedAddresses(caseId: string): Promise<{ values: string[]; localColumns: number; caseColumns: number }> {
  const raw = await openDB(CASE_DB_PREFIX + caseId);
  const chunks = (await raw.getAll('chunks')) as { columns: Record<string, { kind: string; caseIds?: boolean; dictText?: string }> }[];
  let localColumns = 0, caseColumns = 0;
  for (const c of chunks) {
    const col = c.columns['init.host.ip'];
    if (col === undefined) continue;
    if (col.caseIds === true) caseColumns++;
    else localColumns++;
  }
  const tx = raw.transaction('dict');
  const [keys, runs] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  raw.close();
  const dict = valuesOfRuns(keys.map((key, i) => ({ key: key as [string, number], run: runs[i] })));
  return { values: dict.get('init.host.ip') ?? [], localColumns, caseColumns };
}

describe('a mostly distinct field through the engine and the store', () => {
  it('is stored as case ids with each value once, and a reopen answers as the writing session', async () => {
    const writer = createEngine();
    const info = await writer.createCase('distinct addresses');
    await writer.ingest(dropped('auth.log', authLog(0, 12_000)), {}, () => {});
    const written = await answers(writer, QUERIES, false);
    const hot = await writer.query('init.host.ip:203.0.113.7');
    expect(hot.ok && hot.handle.total).toBe(120);

    const stored = await storedAddresses(info.id);
    expect(stored.caseColumns).toBe(2);
    expect(stored.localColumns).toBe(0);
    expect(new Set(stored.values).size).toBe(stored.values.length);
    expect(stored.values.length).toBe(12_000 - 120 + 1);

    const reader = createEngine();
    await reader.openCase(info.id);
    expect(await answers(reader, QUERIES, false)).toEqual(written);

    // a second file into the reopened case: addresses 10,000 .. 17,999 overlap the first file's
    await reader.ingest(dropped('auth.log.1', authLog(10_000, 8_000)), {}, () => {});
    const both = await answers(reader, QUERIES, false);
    const again = createEngine();
    await again.openCase(info.id);
    expect(await answers(again, QUERIES, false)).toEqual(both);
    const after = await storedAddresses(info.id);
    expect(after.localColumns).toBe(0);
    expect(new Set(after.values).size).toBe(after.values.length);
    expect(after.values.length).toBe(18_000 - 180 + 1);
    const range = await again.query('init.host.ip:10.0.0.0/16');
    // 10.0.x.y: lines 0 .. 65,535 that are not every 100th
    expect(range.ok && range.handle.total).toBe(12_000 - 120 + 8_000 - 80);
  }, 120_000);
});
