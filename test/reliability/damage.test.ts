// Issue 9 items 7 and 13: damage shown where the user looks (ledger state, count of records not recovered,
// CLI summary), an interrupted row keeps what it had, formatted byte counts, the ledger CSV's own values.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createEngine } from '../../src/workers/engine.ts';
import { ledgerCsv } from '../../src/workers/export/ledger-csv.ts';
import { summaryLine } from '../../src/cli/normalize.ts';
import type { FileLedgerEntry } from '../../src/workers/api.ts';
import { corpusExists, corpusPath } from '../harness/corpus.ts';
import { ingestSources, sourceFromBytes } from '../harness/ingest.ts';
import { dropped, pausingRunner, syslogLines } from './helpers.ts';

const SECURITY = 'evtx-attack-samples/Command and Control/DE_RDP_Tunneling_4624.evtx'; // 18 records, one chunk
const SYSMON = 'evtx-attack-samples/Command and Control/DE_sysmon-3-rdp-tun.evtx'; // 73 records, one chunk

/** Every record header's signature ("**\0\0") overwritten: the chunk header still says how many there were. */
function corruptRecordHeaders(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let i = 4096 + 512; i + 4 <= out.length; i++) {
    if (out[i] === 0x2a && out[i + 1] === 0x2a && out[i + 2] === 0 && out[i + 3] === 0) out[i] = 0x58;
  }
  return out;
}

describe.skipIf(!corpusExists())('damaged EVTX files are not "read" (item 7)', () => {
  const load = (rel: string) => new Uint8Array(readFileSync(corpusPath(rel)));

  it('all record headers corrupt: damaged, with the 18 records not recovered', async () => {
    const run = await ingestSources([sourceFromBytes('corrupt.evtx', corruptRecordHeaders(load(SECURITY)), Date.UTC(2024, 0, 1))]);
    const [row] = run.ledger;
    // before: state 'done' ("read"), 0 events, 0 unparsed, the damage only inside a collapsed disclosure
    expect(row).toMatchObject({ state: 'damaged', events: 0, unparsed: 0, lost: 18, parserId: 'evtx' });
    expect(row.message).toMatch(/^Damaged: 18 records could not be recovered/);
    expect(summaryLine(row)).toMatch(/\tstate=damaged\tlost=18 {2}Damaged: /);
  });

  it('cut mid-chunk: damaged, and events + records not recovered = the records of the whole file', async () => {
    const whole = await ingestSources([sourceFromBytes('whole.evtx', load(SYSMON), Date.UTC(2024, 0, 1))]);
    const cut = await ingestSources([sourceFromBytes('cut.evtx', load(SYSMON).subarray(0, 4096 + 30_000), Date.UTC(2024, 0, 1))]);
    const [row] = cut.ledger;
    expect(whole.ledger[0]).toMatchObject({ state: 'done', events: 73 });
    expect(whole.ledger[0].lost).toBeUndefined();
    expect(row.state).toBe('damaged');
    expect(row.events + row.unparsed + (row.lost ?? 0)).toBe(73);
    expect(row.lost).toBeGreaterThan(0);
  });
});

describe('a damaged EVTX without the corpus (item 7)', () => {
  it('a chunk of garbage where the records should be: damaged, never "read"', async () => {
    const bytes = new Uint8Array(4096 + 65536);
    bytes.set(new TextEncoder().encode('ElfFile\0'), 0);
    let x = 42;
    for (let i = 4096; i < bytes.length; i++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      bytes[i] = x & 0xff;
    }
    const run = await ingestSources([sourceFromBytes('garbage.evtx', bytes, Date.UTC(2024, 0, 1))]);
    const [row] = run.ledger;
    // before: state 'done', 0 events, the missing chunk signature only among the issues
    expect(row).toMatchObject({ state: 'damaged', events: 0, parserId: 'evtx' });
    expect(row.message).toMatch(/^Damaged: part of the file could not be recovered/);
    expect(row.issues.map((i) => i.reason)).toContain('chunk 0: missing ElfChnk signature; looking for the records it still holds');
  });
});

describe('small things (item 13)', () => {
  it('a row being read is written with its parser and bytes read, so a reload shows what it had', async () => {
    const pause = pausingRunner();
    const a = createEngine({ runIngest: pause.runner });
    const info = await a.createCase('reload');
    const ingest = a.ingest([dropped('three.log', syslogLines(25_000))], {}, () => {});
    await pause.started; // what a reload at this moment finds in the store
    const [row] = await readLedger(info.id);
    // before: parser "none", "0 B read"
    expect(row).toMatchObject({ path: 'three.log', state: 'reading', parserId: 'syslog3164' });
    expect(row.bytesRead).toBeGreaterThan(0);
    pause.release();
    await ingest;
  });

  it('"cancelled after" says the bytes in units', async () => {
    const pause = pausingRunner();
    const a = createEngine({ runIngest: pause.runner });
    await a.createCase('cancel');
    const ingest = a.ingest([dropped('c.log', syslogLines(80_000))], {}, () => {});
    await pause.started;
    await a.cancelIngest();
    pause.release();
    const [row] = (await ingest).files;
    // before: "cancelled after 12582912 bytes"
    expect(row.state).toBe('cancelled');
    expect(row.message).toMatch(/^cancelled after \d+\.\d (KiB|MiB)$/);
  });

  it('the ledger CSV leaves its own values alone (zones, numbers) and still guards log text', () => {
    const row: FileLedgerEntry = {
      id: 1, path: '=HYPERLINK("x")', size: 5, sha256: '', parserId: 'syslog3164', confidence: 1, state: 'done', bytesRead: 5,
      events: 1, unparsed: 0, meta: 0, tzOffsetMinutes: -300, timeGuess: '', issues: [{ line: 1, reason: '-1 is not a date' }], message: '+1 more',
    };
    const csv = ledgerCsv([row, { ...row, path: '-5', tzOffsetMinutes: 0 }]).split('\r\n');
    // before: "'-05:00" and "'+00:00" in the zone column
    expect(csv[1].split(',')).toEqual(["\"'=HYPERLINK(\"\"x\"\")\"", '5', '', 'syslog3164', '1', 'done', '5', '1', '0', '0', '', '', '-05:00', '', '', "'+1 more", 'line 1: -1 is not a date']);
    expect(csv[2].split(',').slice(0, 1).concat(csv[2].split(',')[12])).toEqual(['-5', '+00:00']);
  });
});

async function readLedger(caseId: string): Promise<FileLedgerEntry[]> {
  const { CaseStore } = await import('../../src/workers/store/caseStore.ts');
  const store = await CaseStore.open(caseId);
  try {
    return await store.files();
  } finally {
    store.close();
  }
}
