// A minimal MaxMind DB writer for tests (MaxMind DB File Format Specification 2.0): IPv6 tree with
// 24-bit records, IPv4 networks placed under ::/96, data maps of strings and numbers. Just enough to make
// small GeoLite2-shaped fixtures that mmdb-lib reads like the real files.

type Value = string | number | boolean | { [k: string]: Value };

export interface MmdbNetwork { cidr: string; data: { [k: string]: Value } }

function bitsOf(cidr: string): number[] {
  const [addr, lenText] = cidr.split('/');
  const len = Number(lenText);
  const bits: number[] = [];
  if (addr.includes(':')) {
    const [head, tail = ''] = addr.split('::');
    const h = head ? head.split(':') : [], t = tail ? tail.split(':') : [];
    const groups = addr.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
    for (const g of groups) for (let b = 15; b >= 0; b--) bits.push((parseInt(g, 16) >> b) & 1);
    return bits.slice(0, len);
  }
  for (let i = 0; i < 96; i++) bits.push(0);
  for (const o of addr.split('.')) for (let b = 7; b >= 0; b--) bits.push((Number(o) >> b) & 1);
  return bits.slice(0, 96 + len);
}

function encode(v: Value, out: number[]): void {
  const ctrl = (type: number, size: number) => {
    const extended = type > 7;
    const first = (extended ? 0 : type << 5);
    const sizeBits = size < 29 ? size : size < 29 + 256 ? 29 : 30;
    out.push(first | sizeBits);
    if (extended) out.push(type - 7);
    if (sizeBits === 29) out.push(size - 29);
    else if (sizeBits === 30) out.push(((size - 285) >> 8) & 255, (size - 285) & 255);
  };
  if (typeof v === 'string') {
    const b = new TextEncoder().encode(v);
    ctrl(2, b.length);
    out.push(...b);
  } else if (typeof v === 'boolean') {
    ctrl(14, v ? 1 : 0);
  } else if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 32) {
    const bytes: number[] = [];
    for (let x = v; x > 0; x = Math.floor(x / 256)) bytes.unshift(x % 256);
    ctrl(6, bytes.length);
    out.push(...bytes);
  } else if (typeof v === 'number') {
    ctrl(3, 8);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v);
    out.push(...b);
  } else {
    const entries = Object.entries(v);
    ctrl(7, entries.length);
    for (const [k, x] of entries) {
      encode(k, out);
      encode(x, out);
    }
  }
}

export function writeMmdb(databaseType: string, networks: MmdbNetwork[]): Uint8Array {
  // tree nodes: [left, right]; a record is a node index, -1 (empty) or { data offset }
  type Rec = number | { data: number };
  const nodes: [Rec, Rec][] = [[-1, -1]];
  const data: number[] = [];
  for (const n of networks) {
    const offset = data.length;
    encode(n.data, data);
    const bits = bitsOf(n.cidr);
    let node = 0;
    for (let i = 0; i < bits.length; i++) {
      const b = bits[i];
      if (i === bits.length - 1) {
        nodes[node][b] = { data: offset };
        break;
      }
      let next = nodes[node][b];
      if (typeof next !== 'number' || next < 0) {
        nodes.push([-1, -1]);
        next = nodes.length - 1;
        nodes[node][b] = next;
      }
      node = next;
    }
  }
  const count = nodes.length;
  const tree: number[] = [];
  const value = (r: Rec) => (typeof r === 'number' ? (r < 0 ? count : r) : count + 16 + r.data);
  for (const [l, r] of nodes) for (const v of [value(l), value(r)]) tree.push((v >> 16) & 255, (v >> 8) & 255, v & 255);
  const meta: number[] = [];
  encode({
    binary_format_major_version: 2, binary_format_minor_version: 0, build_epoch: 1700000000,
    database_type: databaseType, description: { en: 'Logdrop test fixture' }, ip_version: 6,
    node_count: count, record_size: 24,
  }, meta);
  // languages is an array in real files: mmdb-lib reads it when present; an empty array is encoded by hand
  const marker = [0xab, 0xcd, 0xef, ...new TextEncoder().encode('MaxMind.com')];
  return Uint8Array.from([...tree, ...new Array(16).fill(0), ...data, ...marker, ...meta]);
}
