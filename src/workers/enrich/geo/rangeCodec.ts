// The compact form of an IP-range table (built-in GeoIP data and user ranges share it): sorted,
// non-overlapping ranges as LEB128 varints of (gap from the previous range, span, record index), then
// gzip. Written by scripts/geoip/build.ts at build time, read by the engine worker and the CLI.
// Layout: "LDGEO" 0x01 | columns | records | IPv4 ranges | IPv6 ranges (IPv6 numbers are 128-bit varints).

const MAGIC = [0x4c, 0x44, 0x47, 0x45, 0x4f, 0x01]; // "LDGEO" v1

export interface RangeTableData {
  /** what each record holds, e.g. ['country_short'] or ['asn', 'org'] */
  columns: string[];
  /** records[i][c] = value of column c; '' = unknown */
  records: string[][];
  /** IPv4 ranges: first and last address as 32-bit values, and a record index */
  v4: { first: number; last: number; record: number }[];
  /** IPv6 ranges: first and last address as 128-bit bigints */
  v6: { first: bigint; last: bigint; record: number }[];
}

/** Decoded, ready for binary search: v6 bounds as four 32-bit words each, most significant first. */
export interface DecodedRanges {
  columns: string[];
  records: string[][];
  v4First: Uint32Array;
  v4Last: Uint32Array;
  v4Record: Uint32Array;
  v6First: Uint32Array;
  v6Last: Uint32Array;
  v6Record: Uint32Array;
}

export function encodeRanges(data: RangeTableData): Uint8Array {
  const out: number[] = [...MAGIC];
  const enc = new TextEncoder();
  const uint = (n: number | bigint) => {
    if (n < 0) throw new Error('negative varint: ranges must be sorted and disjoint');
    if (typeof n === 'number' || n <= 0x1fffffffffffffn) {
      let v = Number(n);
      while (v >= 128) {
        out.push((v % 128) | 0x80);
        v = Math.floor(v / 128);
      }
      out.push(v);
      return;
    }
    let v = n;
    do {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      out.push(v === 0n ? b : b | 0x80);
    } while (v !== 0n);
  };
  const str = (s: string) => {
    const b = enc.encode(s);
    uint(b.length);
    for (const x of b) out.push(x);
  };
  uint(data.columns.length);
  data.columns.forEach(str);
  uint(data.records.length);
  for (const r of data.records) for (let c = 0; c < data.columns.length; c++) str(r[c] ?? '');
  uint(data.v4.length);
  let prev4 = -1;
  for (const r of data.v4) {
    uint(r.first - prev4 - 1);
    uint(r.last - r.first);
    uint(r.record);
    prev4 = r.last;
  }
  uint(data.v6.length);
  let prev = -1n;
  for (const r of data.v6) {
    uint(r.first - prev - 1n);
    uint(r.last - r.first);
    uint(r.record);
    prev = r.last;
  }
  return Uint8Array.from(out);
}

export class RangeFormatError extends Error {}

/** Reads what encodeRanges wrote; throws RangeFormatError on anything else (a foreign or damaged file). */
export function decodeRanges(bytes: Uint8Array): DecodedRanges {
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) throw new RangeFormatError('not a Logdrop range table');
  let p = MAGIC.length;
  const dec = new TextDecoder();
  const need = () => {
    if (p >= bytes.length) throw new RangeFormatError('range table is truncated');
  };
  const uint = (): number => {
    let v = 0, scale = 1;
    for (;;) {
      need();
      const b = bytes[p++];
      v += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return v;
      scale *= 128;
      if (scale > 2 ** 49) throw new RangeFormatError('varint too long');
    }
  };
  // a 128-bit varint into words[at..at+3], most significant word first
  const wide = (words: Uint32Array, at: number) => {
    words[at] = words[at + 1] = words[at + 2] = words[at + 3] = 0;
    for (let bit = 0; ; bit += 7) {
      need();
      const b = bytes[p++];
      const g = b & 0x7f;
      if (bit < 128 && g !== 0) {
        const w = bit >>> 5, off = bit & 31;
        words[at + 3 - w] |= (g << off) >>> 0;
        if (off > 25 && w < 3) words[at + 2 - w] |= g >>> (32 - off);
      }
      if ((b & 0x80) === 0) return;
      if (bit > 140) throw new RangeFormatError('varint too long');
    }
  };
  const str = () => {
    const n = uint();
    if (p + n > bytes.length) throw new RangeFormatError('range table is truncated');
    // ASCII (nearly every country and organisation name) without TextDecoder: a decode() call per record
    // string was most of opening the built-in tables (~90k ASN records), paid again by every reopened case
    let ascii = n <= 256;
    for (let i = p; ascii && i < p + n; i++) ascii = bytes[i] < 0x80;
    const part = bytes.subarray(p, p + n);
    const s = ascii ? String.fromCharCode.apply(null, part as unknown as number[]) : dec.decode(part);
    p += n;
    return s;
  };
  const columns = Array.from({ length: uint() }, str);
  const nRecords = uint();
  const records: string[][] = [];
  for (let i = 0; i < nRecords; i++) records.push(columns.map(str));
  const checkRecord = (r: number) => {
    if (r >= nRecords) throw new RangeFormatError('range points past the records');
    return r;
  };

  const n4 = uint();
  const v4First = new Uint32Array(n4), v4Last = new Uint32Array(n4), v4Record = new Uint32Array(n4);
  let prev = -1;
  for (let i = 0; i < n4; i++) {
    const first = prev + 1 + uint();
    const last = first + uint();
    if (last > 0xffffffff) throw new RangeFormatError('IPv4 range out of bounds');
    v4First[i] = first;
    v4Last[i] = last;
    v4Record[i] = checkRecord(uint());
    prev = last;
  }

  const n6 = uint();
  // IPv6 bounds are worked out on the first IPv6 lookup (most cases have none; the 128-bit sums were a large
  // part of opening the tables at every reopen); the bytes are checked now, so a damaged table is refused here
  const p6 = p;
  const skip = () => {
    for (let bit = 0; ; bit += 7) {
      need();
      if ((bytes[p++] & 0x80) === 0) return;
      if (bit > 140) throw new RangeFormatError('varint too long');
    }
  };
  for (let i = 0; i < n6; i++) {
    skip();
    skip();
    checkRecord(uint());
  }
  let v6: { first: Uint32Array; last: Uint32Array; record: Uint32Array } | undefined;
  const decodeV6 = () => {
    if (v6 !== undefined) return v6;
    p = p6;
    const first = new Uint32Array(4 * n6), last = new Uint32Array(4 * n6), record = new Uint32Array(n6);
    const gap = new Uint32Array(4), prevLast = new Uint32Array(4);
    for (let i = 0; i < n6; i++) {
      wide(gap, 0);
      // first = prevLast + 1 + gap (the first range: gap from address 0)
      if (i === 0) first.set(gap, 0);
      else add128(prevLast, 0, gap, 1, first, 4 * i);
      wide(gap, 0);
      add128(first, 4 * i, gap, 0, last, 4 * i);
      record[i] = uint();
      prevLast.set(last.subarray(4 * i, 4 * i + 4));
    }
    v6 = { first, last, record };
    return v6;
  };
  return {
    columns, records, v4First, v4Last, v4Record,
    get v6First() { return decodeV6().first; },
    get v6Last() { return decodeV6().last; },
    get v6Record() { return decodeV6().record; },
  };
}

/** out[o..o+3] = a[ai..ai+3] + b[0..3] + carryIn (128-bit, most significant word first) */
function add128(a: Uint32Array, ai: number, b: Uint32Array, carryIn: number, out: Uint32Array, o: number): void {
  let carry = carryIn;
  for (let k = 3; k >= 0; k--) {
    const s = a[ai + k] + b[k] + carry;
    out[o + k] = s >>> 0;
    carry = s > 0xffffffff ? 1 : 0;
  }
}
