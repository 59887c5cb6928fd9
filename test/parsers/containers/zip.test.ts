// zip reader: synthetic archives built with fflate, patched for the damage cases.
import { Zip, ZipDeflate, ZipPassThrough, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { collect, concat, dec, enc, source, summary } from './helpers.ts';

const MTIME = new Date(2021, 5, 7, 8, 9, 10); // local time: fflate writes DOS time from local fields
/** DOS time has no zone and 2-second steps; the reader takes the fields as UTC. */
const DOS_MS = Date.UTC(2021, 5, 7, 8, 9, 10);

const zip = (files: Zippable) => zipSync(files, { mtime: MTIME });
const lines = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}${String(i).padStart(8, "0")}\n`).join(""); // 10 bytes a line

/** fflate's streaming writer: every entry gets flag bit 3 and a data descriptor after its data. */
function streamedZip(files: [string, Uint8Array, 'deflate' | 'store'][]): Uint8Array {
  const parts: Uint8Array[] = [];
  const z = new Zip((e, chunk) => {
    if (e) throw e;
    parts.push(chunk);
  });
  for (const [name, data, how] of files) {
    const f = how === 'deflate' ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    f.mtime = MTIME;
    z.add(f);
    f.push(data, true);
  }
  z.end();
  return concat(...parts);
}

/** Offset of the local header of `name`. */
function localHeaderOf(z: Uint8Array, name: string): number {
  const n = enc(name);
  for (let i = 0; i + 30 < z.length; i++) {
    if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 3 && z[i + 3] === 4 && n.every((b, k) => z[i + 30 + k] === b)) return i;
  }
  throw new Error(`no local header for ${name}`);
}

const patched = (z: Uint8Array, f: (copy: Uint8Array) => void) => {
  const copy = z.slice();
  f(copy);
  return copy;
};

const base = zip({ 'a.log': enc(lines('a', 50)), 'b.log': [enc(lines('b', 40)), { level: 0 }], 'c.log': enc(lines('c', 30)) });

describe('readZip: well-formed archives', () => {
  const cases: { name: string; input: Uint8Array; expected: string[] }[] = [
    { name: 'deflated and stored entries, in archive order', input: base, expected: ['t.zip/a.log 500', 't.zip/b.log 400', 't.zip/c.log 300'] },
    { name: 'empty archive (end record only)', input: zip({}), expected: [] },
    { name: 'folders are skipped, files inside them kept', input: zip({ 'var/': {}, 'var/log/': {}, 'var/log/x.log': enc('x\n') }), expected: ['t.zip/var/log/x.log 2'] },
    { name: 'empty file is an entry', input: zip({ 'empty.log': new Uint8Array(0) }), expected: ['t.zip/empty.log 0'] },
    { name: 'names climbing out of the archive are cleaned', input: zip({ '../../etc/passwd': enc('root\n'), '/abs/./x.log': enc('y\n') }), expected: ['t.zip/etc/passwd 5', 't.zip/abs/x.log 2'] },
    { name: 'UTF-8 names', input: zip({ 'журнал/ошибки.log': enc('z\n') }), expected: ['t.zip/журнал/ошибки.log 2'] },
    {
      name: 'streamed entries (bit 3, data descriptors), deflated and stored',
      input: streamedZip([['d.log', enc(lines('d', 100)), 'deflate'], ['s.log', enc(lines('s', 10)), 'store'], ['e.log', new Uint8Array(0), 'deflate']]),
      expected: ['t.zip/d.log 1000', 't.zip/s.log 100', 't.zip/e.log 0'],
    },
    {
      // the stored data holds PK\3\4 and PK\7\8 records of its own: only the outer descriptor whose size matches ends it
      name: 'streamed stored entry holding another streamed zip',
      input: streamedZip([['inner.zip', streamedZip([['i.log', enc(lines('i', 5)), 'store']]), 'store'], ['after.log', enc('after\n'), 'deflate']]),
      expected: ['t.zip/inner.zip/i.log 50', 't.zip/after.log 6'],
    },
  ];
  it.each(cases)('$name', async ({ input, expected }) => {
    const got = await collect([source('t.zip', input)]);
    expect(summary(got)).toEqual(expected);
    expect(got.issues).toEqual([]);
  });

  it('keeps the bytes exactly and reads the entry date as UTC', async () => {
    const got = await collect([source('t.zip', base)]);
    expect(dec(got.entries[1].bytes)).toBe(lines('b', 40));
    expect(got.entries.map((e) => e.lastModified)).toEqual([DOS_MS, DOS_MS, DOS_MS]);
    expect(got.entries.map((e) => e.size)).toEqual([500, 400, 300]);
  });

  it('streamed entries have no size until read', async () => {
    const got = await collect([source('t.zip', streamedZip([['d.log', enc('x\n'), 'deflate']]))]);
    expect(got.entries[0].size).toBeUndefined();
  });

  it.each([1, 7, 100, 4096])('gives the same output for %i-byte source chunks', async (chunk) => {
    const input = streamedZip([['d.log', enc(lines('d', 300)), 'deflate'], ['s.log', enc(lines('s', 30)), 'store']]);
    const whole = await collect([source('t.zip', concat(base))]);
    const cut = await collect([source('t.zip', base, chunk)]);
    expect(summary(cut)).toEqual(summary(whole));
    expect(cut.entries.map((e) => dec(e.bytes))).toEqual(whole.entries.map((e) => dec(e.bytes)));
    const s = await collect([source('s.zip', input, chunk)]);
    expect(summary(s)).toEqual(['s.zip/d.log 3000', 's.zip/s.log 300']);
    expect(s.issues).toEqual([]);
  });
});

describe('readZip: damage is reported, the rest is read', () => {
  const b = localHeaderOf(base, 'b.log');
  const c = localHeaderOf(base, 'c.log');
  const cases: { name: string; input: Uint8Array; expected: string[]; issues: [string, RegExp][] }[] = [
    {
      name: 'encrypted entry (flag bit 0) is skipped',
      input: patched(base, (z) => (z[b + 6] |= 1)),
      expected: ['t.zip/a.log 500', 't.zip/c.log 300'],
      issues: [['t.zip/b.log', /^encrypted zip entry skipped \(password-protected\)$/]],
    },
    {
      name: 'unsupported method (bzip2) is skipped',
      input: patched(base, (z) => (z[b + 8] = 12)),
      expected: ['t.zip/a.log 500', 't.zip/c.log 300'],
      issues: [['t.zip/b.log', /compression method 12 \(bzip2\) is not supported/]],
    },
    {
      name: 'corrupt stored data fails its checksum',
      input: patched(base, (z) => (z[b + 30 + 5 + 10] ^= 0xff)),
      expected: ['t.zip/a.log 500', 't.zip/b.log 400', 't.zip/c.log 300'],
      issues: [['t.zip/b.log', /does not match its checksum/]],
    },
    {
      // a small member is inflated in one call into a buffer of its stated size: nothing past it may be cut
      name: 'a deflated entry longer than its header says is read whole and flagged',
      input: patched(base, (z) => z.set([100, 0, 0, 0], c + 22)),
      expected: ['t.zip/a.log 500', 't.zip/b.log 400', 't.zip/c.log 300'],
      issues: [['t.zip/c.log', /does not match its checksum/]],
    },
    {
      name: 'corrupt deflate data',
      input: patched(base, (z) => z.fill(0xff, c + 30 + 5, c + 30 + 5 + 8)),
      expected: ['t.zip/a.log 500', 't.zip/b.log 400', 't.zip/c.log 0'],
      issues: [['t.zip/c.log', /corrupt compressed data/]],
    },
    {
      name: 'cut inside the third entry',
      input: base.subarray(0, c + 40),
      expected: ['t.zip/a.log 500', 't.zip/b.log 400', 't.zip/c.log 0'],
      issues: [
        ['t.zip/c.log', /^incomplete: the archive ends inside this entry/],
        ['t.zip', /^archive truncated after 2 complete entries$/],
      ],
    },
    {
      name: 'cut between entries (no table of contents)',
      input: base.subarray(0, c),
      expected: ['t.zip/a.log 500', 't.zip/b.log 400'],
      issues: [['t.zip', /^archive truncated after 2 complete entries \(its table of contents is missing\)$/]],
    },
    {
      name: 'cut inside a header',
      input: base.subarray(0, c + 12),
      expected: ['t.zip/a.log 500', 't.zip/b.log 400'],
      issues: [['t.zip', /truncated inside an entry header after 2 complete entries/]],
    },
    {
      name: 'garbage where the next header should be',
      input: concat(base.subarray(0, c), enc('this is not a zip record at all')),
      expected: ['t.zip/a.log 500', 't.zip/b.log 400'],
      issues: [['t.zip', /unexpected bytes at offset \d+ after 2 entries/]],
    },
  ];
  it.each(cases)('$name', async ({ input, expected, issues }) => {
    const got = await collect([source('t.zip', input)]);
    expect(summary(got)).toEqual(expected);
    expect(got.issues.map((i) => i.path)).toEqual(issues.map(([p]) => p));
    got.issues.forEach((i, k) => expect(i.reason).toMatch(issues[k][1]));
  });

  it('a streamed archive cut anywhere never throws and keeps the complete entries', async () => {
    const input = streamedZip([['d.log', enc(lines('d', 300)), 'deflate'], ['s.log', enc(lines('s', 30)), 'store'], ['e.log', enc(lines('e', 30)), 'deflate']]);
    // from 4 bytes on, the magic says zip; every cut before the central directory must be reported
    const central = input.length - 22 - 3 * 46 - 15;
    for (let cut = 4; cut < input.length; cut += 37) {
      const got = await collect([source('t.zip', input.subarray(0, cut), 64)]);
      for (const e of got.entries) expect(e.bytes.length).toBeLessThanOrEqual(3000);
      if (cut < central) expect(got.issues.length, `cut at ${cut}`).toBeGreaterThan(0);
    }
  });
});
