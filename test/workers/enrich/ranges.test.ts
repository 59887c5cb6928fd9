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
