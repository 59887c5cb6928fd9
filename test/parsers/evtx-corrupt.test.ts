// Damaged input never throws: what can be read comes out, the rest is reported through sink.issue / unparsed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, needsCorpus } from '../harness/corpus.ts';
import { runEvtx } from './evtx-run.ts';

const SYSMON = 'evtx-attack-samples/Command and Control/DE_sysmon-3-rdp-tun.evtx'; // 73 records, one chunk
const SECURITY = 'evtx-attack-samples/Command and Control/DE_RDP_Tunneling_4624.evtx'; // 18 records, one chunk

/** Deterministic bytes (xorshift32) so a failure can be replayed. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const load = (rel: string) => new Uint8Array(readFileSync(corpusPath(rel)));
const ids = (r: Awaited<ReturnType<typeof runEvtx>>) => r.events.map((e) => e.fields['data.EventRecordID']);

describe('EVTX without a corpus', () => {
  it('0-byte file: one clear issue, nothing else', async () => {
    const got = await runEvtx(new Uint8Array(0));
    expect(got.events).toEqual([]);
    expect(got.issues).toEqual([{ offset: 0, reason: 'not an EVTX file: the file is empty (0 bytes)' }]);
  });

  it.each([1, 7, 100, 5000, 70_000, 300_000])('%i random bytes: not an EVTX file', async (n) => {
    const got = await runEvtx(randomBytes(n, n));
    expect(got.events).toEqual([]);
    expect(got.unparsed).toEqual([]);
    expect(got.issues.map((i) => i.reason)).toEqual(['not an EVTX file: missing ElfFile signature']);
  });

  it('a signature and nothing more: truncated header', async () => {
    const got = await runEvtx(new TextEncoder().encode('ElfFile\0'));
    expect(got.issues[0].reason).toMatch(/^truncated EVTX file/);
  });

  it('a valid signature followed by random chunks: issues, no throw', async () => {
    const bytes = randomBytes(4096 + 3 * 65536, 42);
    bytes.set(new TextEncoder().encode('ElfFile\0'), 0);
    bytes.set(new TextEncoder().encode('ElfChnk\0'), 4096 + 65536);
    const got = await runEvtx(bytes);
    expect(got.events).toEqual([]);
    expect(got.issues.length).toBeGreaterThanOrEqual(3);
    expect(got.issues.some((i) => i.reason.includes('missing ElfChnk signature'))).toBe(true);
  });
});

describe('damaged EVTX files', needsCorpus, () => {
  it('truncated inside the chunk: the records before the cut come out, the cut is reported', async () => {
    const full = await runEvtx(load(SYSMON));
    const cut = load(SYSMON).subarray(0, 4096 + 30_000);
    const got = await runEvtx(cut, 4096);
    expect(got.events.length).toBeGreaterThan(10);
    expect(got.events.length).toBeLessThan(full.events.length);
    expect(ids(got)).toEqual(ids(full).slice(0, got.events.length));
    expect(got.issues.some((i) => /truncated EVTX file: chunk 0 has 30000 of 65536 bytes/.test(i.reason))).toBe(true);
    // the cut records fail the chunk's data checksum: kept, flagged
    expect(got.events.every((e) => e.fields['evtx.checksum'] === 'bad')).toBe(true);
  });

  it('truncated inside the file header or a chunk header', async () => {
    expect((await runEvtx(load(SYSMON).subarray(0, 2000))).issues.map((i) => i.reason))
      .toEqual(['truncated EVTX file: it ends inside the 4096-byte header block; no chunk follows']);
    const got = await runEvtx(load(SYSMON).subarray(0, 4096 + 100));
    expect(got.events).toEqual([]);
    expect(got.issues[0].reason).toMatch(/ends inside the header of chunk 0/);
  });

  it('garbage in the middle of a chunk: records before it come out flagged, later ones are resynchronised', async () => {
    const full = await runEvtx(load(SYSMON));
    const bytes = load(SYSMON).slice();
    const hit = full.events[20].offset;
    bytes.set(randomBytes(3000, 7), hit + 40); // inside record 21 and beyond
    const got = await runEvtx(bytes);
    expect(ids(got).slice(0, 20)).toEqual(ids(full).slice(0, 20));
    expect(got.events.length + got.unparsed.length).toBeGreaterThan(20);
    expect(got.events.length).toBeLessThan(full.events.length);
    expect(got.issues.some((i) => /records checksum mismatch/.test(i.reason))).toBe(true);
    expect(got.issues.some((i) => /hold no readable record/.test(i.reason)) || got.unparsed.length > 0).toBe(true);
    expect(got.events[0].fields['evtx.checksum']).toBe('bad');
    // records after the damage were found again by scanning for the next record header
    expect(ids(got)).toContain(ids(full)[full.events.length - 1]);
  });

  it('damaged chunk header checksum: records kept and flagged', async () => {
    const bytes = load(SECURITY).slice();
    bytes[4096 + 8] ^= 0xff; // first record number
    const got = await runEvtx(bytes);
    expect(got.events.length).toBe(18);
    expect(got.events.every((e) => e.fields['evtx.checksum'] === 'bad')).toBe(true);
    expect(got.issues.map((i) => i.reason)).toEqual(['chunk 0: header checksum mismatch; its records are kept and flagged evtx.checksum=bad']);
  });

  it('damaged file header checksum: reported, records read', async () => {
    const bytes = load(SECURITY).slice();
    bytes[24] ^= 0x01; // next record identifier
    const got = await runEvtx(bytes);
    expect(got.events.length).toBe(18);
    expect(got.events[0].fields['evtx.checksum']).toBeUndefined();
    expect(got.issues.map((i) => i.reason)).toEqual(['EVTX file header checksum mismatch (damaged or not flushed); reading on']);
  });

  it('dirty file: chunks beyond the header chunk count are read (walked by file size)', async () => {
    const a = load(SECURITY);
    const b = load(SYSMON);
    const bytes = new Uint8Array(4096 + 3 * 65536);
    bytes.set(a.subarray(0, 4096 + 65536), 0); // header says 1 chunk
    bytes.set(b.subarray(4096, 4096 + 65536), 4096 + 65536);
    // the third chunk stays zero-filled (preallocated): skipped silently
    const got = await runEvtx(bytes, 777);
    expect(got.issues).toEqual([]);
    expect(got.events.length).toBe(18 + 73);
    expect(ids(got)).toEqual([...ids(await runEvtx(a)), ...ids(await runEvtx(b))]);
    expect(got.events[18].offset).toBeGreaterThan(4096 + 65536);
    expect(got.events.map((e) => e.ordinal)).toEqual(got.events.map((_e, i) => i + 1));
  });

  it('200 random byte flips never throw and account for every record header', async () => {
    const base = load(SYSMON);
    for (let seed = 1; seed <= 200; seed++) {
      const bytes = base.slice();
      const noise = randomBytes(16, seed);
      for (let k = 0; k < 8; k++) {
        const pos = 4096 + ((noise[2 * k] << 8 | noise[2 * k + 1]) % 60_000);
        bytes[pos] ^= noise[k] | 1;
      }
      const got = await runEvtx(bytes);
      const ordinals = [...got.events.map((e) => e.ordinal), ...got.unparsed.map((u) => u.ordinal)].sort((x, y) => x - y);
      expect(ordinals).toEqual(ordinals.map((_o, i) => i + 1));
    }
  });
});
