// tar reader: archives from a tiny ustar writer (helpers.ts), and the OTRF .tar.gz of the corpus.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { collect, concat, dec, enc, makeTar, paxData, source, summary, tarHeader, type TarItem } from './helpers.ts';

const T = 1_700_000_000; // seconds

describe('readTar: well-formed archives', () => {
  const cases: { name: string; input: TarItem[]; expected: string[] }[] = [
    { name: 'regular files in order', input: [{ name: 'a.log', data: 'aaa\n' }, { name: 'dir/b.log', data: 'b'.repeat(600) }], expected: ['t.tar/a.log 4', 't.tar/dir/b.log 600'] },
    {
      name: 'folders, links, devices and fifos are skipped',
      input: [{ name: 'var/', type: '5' }, { name: 'var/link', type: '2' }, { name: 'var/hard', type: '1' }, { name: 'dev/null', type: '3' }, { name: 'fifo', type: '6' }, { name: 'var/x.log', data: 'x\n' }],
      expected: ['t.tar/var/x.log 2'],
    },
    { name: "old-style '\\0' type and contiguous '7' are regular files", input: [{ name: 'a.log', data: 'a', type: '\0' }, { name: 'c.log', data: 'c', type: '7' }], expected: ['t.tar/a.log 1', 't.tar/c.log 1'] },
    { name: 'ustar prefix field', input: [{ name: 'auth.log', prefix: 'very/long/directory', data: 'p\n' }], expected: ['t.tar/very/long/directory/auth.log 2'] },
    {
      name: "GNU long name ('././@LongLink', type L)",
      input: [{ name: '././@LongLink', type: 'L', data: `${'d/'.repeat(80)}long-name.log\0` }, { name: 'truncated-name', data: 'L\n' }],
      expected: [`t.tar/${'d/'.repeat(80)}long-name.log 2`],
    },
    {
      name: 'pax path and mtime; global header and unknown keys ignored',
      input: [
        { name: 'pax_global_header', type: 'g', data: paxData({ comment: 'made by a test' }) },
        { name: 'PaxHeaders/x', type: 'x', data: paxData({ path: 'ünïcode/päth.log', mtime: '1700000123.5', 'SCHILY.dev': '2049' }) },
        { name: 'ignored-name', data: 'u\n' },
        { name: 'next.log', data: 'n\n' },
      ],
      expected: ['t.tar/ünïcode/päth.log 2', 't.tar/next.log 2'],
    },
    { name: 'GNU base-256 size field', input: [{ name: 'big.log', data: 'b'.repeat(1000), base256: true }], expected: ['t.tar/big.log 1000'] },
    { name: 'names climbing out are cleaned', input: [{ name: '../../etc/shadow', data: 's\n' }, { name: './x.log', data: 'x\n' }], expected: ['t.tar/etc/shadow 2', 't.tar/x.log 2'] },
    { name: 'empty archive', input: [], expected: [] },
  ];
  it.each(cases)('$name', async ({ input, expected }) => {
    const got = await collect([source('t.tar', makeTar(input))]);
    expect(summary(got)).toEqual(expected);
    expect(got.issues).toEqual([]);
  });

  it('keeps bytes and dates (header mtime, else pax mtime)', async () => {
    const got = await collect([
      source('t.tar', makeTar([{ name: 'a.log', data: 'hello\n', mtime: T }, { name: 'x', type: 'x', data: paxData({ mtime: '1700000123.25' }) }, { name: 'b.log', data: 'b' }])),
    ]);
    expect(got.entries.map((e) => [dec(e.bytes), e.lastModified, e.size])).toEqual([
      ['hello\n', T * 1000, 6],
      ['b', 1_700_000_123_250, 1],
    ]);
  });

  it('an archive without end-of-archive blocks is fine', async () => {
    const got = await collect([source('t.tar', makeTar([{ name: 'a.log', data: 'a\n' }], false))]);
    expect(summary(got)).toEqual(['t.tar/a.log 2']);
    expect(got.issues).toEqual([]);
  });

  it.each([1, 100, 511, 513])('gives the same output for %i-byte source chunks', async (chunk) => {
    const tar = makeTar([{ name: 'a.log', data: 'a'.repeat(1500) }, { name: 'x', type: 'x', data: paxData({ path: 'p.log' }) }, { name: 'q', data: 'p\n' }]);
    const got = await collect([source('t.tar', tar, chunk)]);
    expect(summary(got)).toEqual(['t.tar/a.log 1500', 't.tar/p.log 2']);
    expect(got.issues).toEqual([]);
  });
});

describe('readTar: damage', () => {
  const good = makeTar([{ name: 'a.log', data: 'a'.repeat(700) }, { name: 'b.log', data: 'b'.repeat(300) }]);
  const broken = good.slice();
  broken[1536 + 10] ^= 0x20; // b.log's header: name byte changed, checksum no longer matches
  const cases: { name: string; input: Uint8Array; expected: string[]; issues: [string, RegExp][] }[] = [
    {
      name: 'cut inside the data of the second entry',
      input: good.subarray(0, 1536 + 512 + 100),
      expected: ['t.tar/a.log 700', 't.tar/b.log 100'],
      issues: [
        ['t.tar/b.log', /^incomplete: the archive ends inside this entry \(100 bytes of 300 bytes read\)$/],
        ['t.tar', /^archive truncated after 1 complete entries$/],
      ],
    },
    { name: 'cut inside a header', input: good.subarray(0, 1536 + 200), expected: ['t.tar/a.log 700'], issues: [['t.tar', /^archive truncated after 1 complete entries$/]] },
    { name: 'cut inside padding loses nothing', input: good.subarray(0, 512 + 710), expected: ['t.tar/a.log 700'], issues: [['t.tar', /^archive truncated after 1 complete entries$/]] },
    { name: 'damaged header checksum', input: broken, expected: ['t.tar/a.log 700'], issues: [['t.tar', /^damaged tar header at offset 1536 after 1 entries/]] },
    {
      name: 'absurd extended header',
      input: concat(tarHeader({ name: 'x', type: 'x' }, 5 * 1024 * 1024), new Uint8Array(1024)),
      expected: [],
      issues: [['t.tar', /5\.0 MiB extended header/]],
    },
  ];
  it.each(cases)('$name', async ({ input, expected, issues }) => {
    const got = await collect([source('t.tar', input)]);
    expect(summary(got)).toEqual(expected);
    expect(got.issues.map((i) => i.path)).toEqual(issues.map(([p]) => p));
    got.issues.forEach((i, k) => expect(i.reason).toMatch(issues[k][1]));
  });

  it('a header without magic is still read when the name says .tar and the checksum holds', async () => {
    const tar = makeTar([{ name: 'v7.log', data: 'v\n' }]);
    tar.fill(0, 257, 265); // no 'ustar' magic: recompute the checksum
    tar.set(enc('        '), 148);
    let sum = 0;
    for (const b of tar.subarray(0, 512)) sum += b;
    tar.set(enc(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
    expect(summary(await collect([source('old.tar', tar)]))).toEqual(['old.tar/v7.log 2']);
    expect(summary(await collect([source('old.bin', tar)]))).toEqual(['old.bin 2048']); // no magic, no name: a plain file
  });
});

describe('readTar: corpus', needsCorpus, () => {
  // `tar tzvf covenant_persiststartup.tar.gz` (GNU tar 1.35): one member, and "unexpected end of file"
  // from gzip because of the stray byte after the gzip stream.
  it('covenant_persiststartup.tar.gz: the member comes out complete, no issue', async () => {
    const path = corpusPath('otrf-security-datasets/datasets/atomic/windows/persistence/host/covenant_persiststartup.tar.gz');
    const bytes = new Uint8Array(readFileSync(path));
    expect(bytes[bytes.length - 1]).toBe(0x0a); // the stray byte is still there
    const got = await collect([source('covenant_persiststartup.tar.gz', bytes, 65536)]);
    expect(summary(got)).toEqual(['covenant_persiststartup.tar.gz/covenant_persiststartup.tar/covenant_persiststartup_2019-12-05044154.json 2719633']);
    expect(got.entries[0].size).toBe(2719633);
    expect(new Date(got.entries[0].lastModified).toISOString()).toBe('2019-12-05T09:20:33.892Z'); // pax mtime
    expect(dec(got.entries[0].bytes.subarray(-3))).toMatch(/}\r?\n$|}$/);
    expect(got.issues).toEqual([]);
  });
});
