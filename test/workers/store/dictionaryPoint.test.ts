// A tab reading a case while another tab writes it (the read-only second tab, issue 9 item 1): chunks of case
// ids name values stored in the same transaction, so a reader that read the dictionary and then the chunks
// could meet a chunk committed in between, naming values it never read ("case id past the dictionary": the
// second tab stayed on "Opening case…"). The dictionary and the last chunk key are read in one transaction
// (CaseStore.dictionaryPoint) and readers stop at that key; the rest is read when the writer is done.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { loadCaseIndex } from '../../../src/workers/query/loadIndex.ts';

const DEMO = join(import.meta.dirname, '../../../public/demo');
const dropped = (p: string) => [{ path: `demo/${p}`, file: new File([new Uint8Array(readFileSync(join(DEMO, p)))], p.split('/').pop()!, { lastModified: 1772582400000 }) }];

describe('reading a case another tab is writing', () => {
  it('reads the chunks stored with the dictionary it read, never a later chunk naming later values', async () => {
    const writer = createEngine();
    const info = await writer.createCase('being written');
    await writer.ingest(dropped('var/log/auth.log.1'), {}, () => {});
    const reader = await CaseStore.open(info.id);
    const point = reader.dictionaryPoint.bind(reader);
    const count = async () => { let n = 0; await reader.forEachChunk((c) => { n += c.count; }); return n; };
    // the writer stores another file (new users, addresses, hosts) between the reader's two reads, once
    const interleave = (path: string) => {
      reader.dictionaryPoint = async () => {
        reader.dictionaryPoint = point;
        const p = await point();
        await writer.ingest(dropped(path), {}, () => {});
        return p;
      };
    };
    const first = (await loadCaseIndex(reader, () => [])).index.rowCount;
    interleave('var/log/web02/auth.log');
    expect((await loadCaseIndex(reader, () => [])).index.rowCount).toBe(first);
    const second = await count();
    expect(second).toBeGreaterThan(first);
    expect((await loadCaseIndex(reader, () => [])).index.rowCount).toBe(second);
    interleave('DC01/System.xml');
    expect(await count()).toBe(second);
    // once the writer is done, a new read sees everything
    expect(await count()).toBeGreaterThan(second);
    reader.close();
  });
});
