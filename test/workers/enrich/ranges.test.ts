// Range tables: the codec round trip, overlap flattening, and lookups at the edges of ranges (first and last
// address, gaps, IPv4-mapped IPv6), plus the labels of special ranges.
import { describe, expect, it } from 'vitest';
import { decodeRanges, encodeRanges, RangeFormatError, type RangeTableData } from '../../../src/workers/enrich/geo/rangeCodec.ts';
import { RangeTable } from '../../../src/workers/enrich/geo/rangeTable.ts';
import { flatten } from '../../../src/workers/enrich/geo/flatten.ts';
import { cidrBounds } from '../../../src/workers/enrich/geo/spanTable.ts';
import { specialLabel } from '../../../src/core/net/special.ts';
import { ipv4Value } from '../../../src/core/ip.ts';

const v4 = (s: string) => ipv4Value(s);
const v6 = (s: string) => cidrBounds(`${s}/128`)!.first;

const data: RangeTableData = {
  columns: ['country_short'],
  records: [['AA'], ['BB'], ['CC']],
  v4: [
    { first: v4('1.0.0.0'), last: v4('1.0.0.255'), record: 0 },
    { first: v4('1.0.2.0'), last: v4('1.0.3.255'), record: 1 },
    { first: v4('255.255.255.0'), last: v4('255.255.255.255'), record: 2 },
  ],
  v6: [
    { first: v6('2001:4860::'), last: v6('2001:4860:ffff:ffff:ffff:ffff:ffff:ffff'), record: 0 },
    { first: v6('2a00::'), last: v6('2a00::ffff'), record: 1 },
    { first: v6('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00'), last: v6('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'), record: 2 },
  ],
};

describe('range table lookups', () => {
  const table = new RangeTable(decodeRanges(encodeRanges(data)));
  const cases: { name: string; ip: string; expected: string | undefined }[] = [
    { name: 'first address of a range', ip: '1.0.0.0', expected: 'AA' },
    { name: 'last address of a range', ip: '1.0.0.255', expected: 'AA' },
    { name: 'in a gap between ranges', ip: '1.0.1.7', expected: undefined },
    { name: 'first after the gap', ip: '1.0.2.0', expected: 'BB' },
    { name: 'just past the last range', ip: '1.0.4.0', expected: undefined },
    { name: 'before every range', ip: '0.255.255.255', expected: undefined },
    { name: 'the highest IPv4 address', ip: '255.255.255.255', expected: 'CC' },
    { name: 'IPv4-mapped IPv6 is looked up as IPv4', ip: '::ffff:1.0.3.255', expected: 'BB' },
    { name: 'IPv6 first address', ip: '2001:4860::', expected: 'AA' },
    { name: 'IPv6 inside', ip: '2001:4860:4860::8888', expected: 'AA' },
    { name: 'IPv6 last address', ip: '2001:4860:ffff:ffff:ffff:ffff:ffff:ffff', expected: 'AA' },
    { name: 'IPv6 gap', ip: '2001:4861::', expected: undefined },
    { name: 'IPv6 one past a range', ip: '2a00::1:0', expected: undefined },
    { name: 'the highest IPv6 address', ip: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', expected: 'CC' },
    { name: 'not an address', ip: 'example.org', expected: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(table.lookup(c.ip)?.[0]).toBe(c.expected));

  it('refuses foreign and truncated bytes', () => {
    const bytes = encodeRanges(data);
    expect(() => decodeRanges(new TextEncoder().encode('PK\u0003\u0004 not ours'))).toThrow(RangeFormatError);
    expect(() => decodeRanges(bytes.subarray(0, bytes.length - 5))).toThrow(RangeFormatError);
  });
});

describe('IPv4 lookups through the /16 prefix index', () => {
  it('answer as a binary search over every range, at and around every range edge and /16 boundary', () => {
    // ranges of every width: inside one /16, across many, touching, with gaps, at 0 and at 255.255.255.255
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) % n);
    const v4: RangeTableData['v4'] = [];
    for (let at = 0; at < 2 ** 32 && v4.length < 5000;) {
      const width = [1, 255, 65_535, 65_536, 1 << 20, 1 << 24][rand(6)] + rand(300);
      const last = Math.min(2 ** 32 - 1, at + width);
      v4.push({ first: at, last, record: v4.length % 3 });
      at = last + 1 + [0, 0, 1, 65_536, 1 << 22][rand(5)] + rand(1000);
    }
    const data = decodeRanges(encodeRanges({ columns: ['country_short'], records: [['AA'], ['BB'], ['CC']], v4, v6: [] }));
    const table = new RangeTable(data);
    const reference = (n: number): string | undefined => {
      const r = v4.filter((x) => x.first <= n).at(-1);
      return r !== undefined && n <= r.last ? ['AA', 'BB', 'CC'][r.record] : undefined;
    };
    const probes = new Set<number>([0, 1, 2 ** 32 - 1, 2 ** 32 - 2]);
    for (const r of v4.slice(0, 400)) for (const n of [r.first - 1, r.first, r.first + 1, r.last - 1, r.last, r.last + 1]) probes.add(n);
    for (let p = 0; p < 65_536; p += 97) for (const d of [-1, 0, 1]) probes.add(p * 65_536 + d);
    for (let i = 0; i < 2000; i++) probes.add(rand(2 ** 31) * 2 + rand(2));
    let checked = 0;
    for (const n of probes) {
      if (n < 0 || n > 2 ** 32 - 1) continue;
      expect(table.lookup({ v: 4, n })?.[0], `address ${n}`).toBe(reference(n));
      checked++;
    }
    expect(checked).toBeGreaterThan(4000);
  });
});

describe('record text', () => {
  it('gives back ASCII, non-ASCII, empty and long values as written', () => {
    const values = ['AS15169', 'Google LLC', '', 'Telefónica Germany', '中国电信', 'x'.repeat(300), 'Ünïcode ✓ 𝄞', '\u007f edge'];
    const data: RangeTableData = {
      columns: ['asn', 'org'],
      records: values.map((v, i) => [String(i), v]),
      v4: values.map((_, i) => ({ first: i * 256, last: i * 256 + 255, record: i })),
      v6: [],
    };
    expect(decodeRanges(encodeRanges(data)).records).toEqual(data.records);
  });
});

describe('overlapping ranges: the inner one wins', () => {
  const S = (a: number, b: number, record: number) => ({ first: BigInt(a), last: BigInt(b), record });
  const plain = (spans: ReturnType<typeof flatten>) => spans.map((s) => [Number(s.first), Number(s.last), s.record]);
  const cases = [
    { name: 'a single address inside a wider range (ip-location-db)', input: [S(0, 100, 1), S(50, 50, 2), S(51, 100, 1)], expected: [[0, 49, 1], [50, 50, 2], [51, 100, 1]] },
    { name: 'a range overlapping the end of another', input: [S(0, 100, 1), S(10, 200, 2), S(150, 160, 3)], expected: [[0, 9, 1], [10, 149, 2], [150, 160, 3], [161, 200, 2]] },
    { name: 'two ranges with one start: the narrower wins', input: [S(5, 10, 1), S(5, 7, 2)], expected: [[5, 7, 2], [8, 10, 1]] },
    { name: 'a nested range ending before a later outer one (the cursor never goes back)', input: [S(100, 200, 1), S(150, 300, 2), S(301, 400, 3)], expected: [[100, 149, 1], [150, 300, 2], [301, 400, 3]] },
    { name: 'neighbours with one record are joined', input: [S(0, 9, 1), S(10, 19, 1)], expected: [[0, 19, 1]] },
  ];
  for (const c of cases) it(c.name, () => expect(plain(flatten(c.input))).toEqual(c.expected));
});

describe('special ranges are labelled', () => {
  const cases: { ip: string; expected: string | undefined }[] = [
    { ip: '10.1.2.3', expected: 'private' }, { ip: '192.168.7.9', expected: 'private' }, { ip: '172.31.255.255', expected: 'private' },
    { ip: '172.32.0.0', expected: undefined }, { ip: '127.0.0.1', expected: 'loopback' }, { ip: '169.254.10.1', expected: 'link-local' },
    { ip: '100.64.0.1', expected: 'cgnat' }, { ip: '100.128.0.1', expected: undefined }, { ip: '192.0.2.1', expected: 'documentation' },
    { ip: '198.51.100.200', expected: 'documentation' }, { ip: '203.0.113.45', expected: 'documentation' }, { ip: '224.0.0.251', expected: 'multicast' },
    { ip: '0.0.0.0', expected: 'unspecified' }, { ip: '255.255.255.255', expected: 'broadcast' }, { ip: '8.8.8.8', expected: undefined },
    { ip: '::', expected: 'unspecified' }, { ip: '::1', expected: 'loopback' }, { ip: 'fd12:3456::1', expected: 'private' },
    { ip: 'fe80::1', expected: 'link-local' }, { ip: 'ff02::1', expected: 'multicast' }, { ip: '2001:db8::1', expected: 'documentation' },
    { ip: '::ffff:10.0.0.1', expected: 'private' }, { ip: '::ffff:8.8.8.8', expected: undefined }, { ip: '2001:4860:4860::8888', expected: undefined },
  ];
  for (const c of cases) it(`${c.ip} -> ${c.expected ?? 'global'}`, () => expect(specialLabel(c.ip)).toBe(c.expected));
});
