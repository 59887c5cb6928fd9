// gzip layer: members, stray bytes, cuts and corruption, output names.
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzipName } from '../../../src/parsers/containers/paths.ts';
import { collect, concat, dec, enc, readAll, source, summary } from './helpers.ts';
import { expandBundle } from '../../../src/parsers/containers/bundle.ts';

const text = Array.from({ length: 2000 }, (_, i) => `Jan 15 10:30:00 web01 sshd[${i}]: Accepted publickey for deploy from 198.51.100.${i % 250}\n`).join('');
const one = gzipSync(enc(text), { mtime: 0 });
const two = gzipSync(enc('second member\n'), { mtime: 0 });

describe('gzip: what comes out, and what is said about it', () => {
  const cases: { name: string; input: Uint8Array; expected: string; issues: RegExp[] }[] = [
    { name: 'one member', input: one, expected: text, issues: [] },
    { name: 'concatenated members (gzip a b > c)', input: concat(one, two), expected: `${text}second member\n`, issues: [] },
    { name: 'one stray byte after the data (the OTRF case)', input: concat(one, enc('\n')), expected: text, issues: [] },
    { name: 'stray text after the data', input: concat(one, enc('GARBAGE GARBAGE\n')), expected: text, issues: [/^stray bytes after the end of the gzip data were ignored$/] },
    { name: 'zero padding after the data', input: concat(one, new Uint8Array(512)), expected: text, issues: [/^stray bytes after the end/] },
    { name: 'cut inside the compressed data', input: one.subarray(0, Math.floor(one.length / 2)), expected: 'PREFIX', issues: [/^gzip data truncated: the file ends inside the compressed stream \(.* recovered\)$/] },
    { name: 'cut inside the trailer', input: one.subarray(0, one.length - 3), expected: text, issues: [/^gzip data truncated: the end of the file is missing/] },
    { name: 'header only', input: one.subarray(0, 10), expected: '', issues: [/^gzip data truncated/] },
    { name: 'magic only', input: one.subarray(0, 3), expected: '', issues: [/^gzip data truncated/] },
    { name: 'corrupt deflate data', input: (() => { const c = one.slice(); c.fill(0xff, 12, 20); return c; })(), expected: 'PREFIX', issues: [/^corrupt gzip data|^gzip data/] },
    { name: 'unknown method', input: (() => { const c = one.slice(); c[2] = 7; return c; })(), expected: '', issues: [/^unknown gzip compression method 7; file skipped$/] },
    { name: 'header with file name and extra field', input: gzipSync(enc('named\n'), { filename: 'orig-name.log', mtime: 0 }), expected: 'named\n', issues: [] },
  ];
  it.each(cases)('$name', async ({ input, expected, issues }) => {
    for (const chunk of [input.length || 1, 1, 100]) {
      const got = await collect([source('auth.log.gz', input, chunk)]);
      expect(got.entries.map((e) => e.path)).toEqual(['auth.log.gz/auth.log']);
      const out = dec(got.entries[0].bytes);
      if (expected === 'PREFIX') expect(text.startsWith(out)).toBe(true);
      else expect(out).toBe(expected);
      expect(got.issues.map((i) => i.path)).toEqual(issues.map(() => 'auth.log.gz/auth.log'));
      got.issues.forEach((i, k) => expect(i.reason).toMatch(issues[k]));
    }
  });
});

describe('gunzipName', () => {
  const cases: { input: string; expected: string }[] = [
    { input: 'auth.log.gz', expected: 'auth.log' },
    { input: 'AUTH.LOG.GZ', expected: 'AUTH.LOG' },
    { input: 'x/case.tgz', expected: 'case.tar' },
    { input: 'syslog.1.gzip', expected: 'syslog.1' },
    { input: 'weird', expected: 'weird' },
    { input: '.gz', expected: '.gz' },
  ];
  it.each(cases)('$input -> $expected', ({ input, expected }) => expect(gunzipName(input)).toBe(expected));
});

describe('gzip: streaming', () => {
  it('a 10 MB single-line file streams through in pieces', async () => {
    const line = new Uint8Array(10 * 1024 * 1024).fill(0x61); // generated here, never committed
    line[line.length - 1] = 0x0a;
    const gz = gzipSync(line, { level: 1 });
    let pieces = 0;
    let total = 0;
    let largest = 0;
    for await (const e of expandBundle([source('one-line.log.gz', gz, 64 * 1024)], () => {})) {
      const r = e.open().getReader();
      for (;;) {
        const { done, value } = await r.read();
        if (done) break;
        pieces++;
        total += value.length;
        largest = Math.max(largest, value.length);
      }
    }
    expect(total).toBe(line.length);
    expect(pieces).toBeGreaterThan(1);
    expect(largest).toBeLessThanOrEqual(16 * 1024 * 1024);
  });

  it('gzip inside gzip is opened again', async () => {
    const got = await collect([source('x.log.gz.gz', gzipSync(gzipSync(enc('deep\n'))))]);
    expect(summary(got)).toEqual(['x.log.gz.gz/x.log.gz/x.log 5']);
    expect(await readAll(new Blob([enc('a')]).stream())).toEqual(enc('a'));
  });
});
