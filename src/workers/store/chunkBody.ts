// A stored chunk as ONE ArrayBuffer, for chunk bodies kept outside IndexedDB (chunkBodies.ts, case schema 8).
// The value is what IndexedDB would have held (StoredChunk: packed columns, typed arrays, small fields), walked
// by the hand-over codec (handover/codec.ts: tags for typed arrays, undefined, NaN; key order kept; null
// prototypes), except that a typed array's bytes go to a binary section and its tag says only where they are.
// Layout: 'LDC1' | u32 LE header bytes | header (UTF-8 JSON) | zero padding to 8 | the arrays, each at a multiple of 8.
// Example: { key: [1, 0], count: 2, columns: { ts: { kind: 'num', values: Float64Array(2) } } } -> header
// {"key":[1,0],"count":2,"columns":{"ts":{"kind":"num","values":{"$ld":"Float64Array","at":0,"n":16}}}} + 16 bytes.
import { decodeWith, encodeWith, TYPED_ARRAYS, type Typed, type TypedBytes, type TypedName } from '../handover/codec.ts';
import type { StoredChunk } from './schema.ts';

const MAGIC = [0x4c, 0x44, 0x43, 0x31]; // 'LDC1'
const PREFIX = 8;
const align8 = (n: number) => (n + 7) & ~7;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The chunk's bytes: one buffer, ready to be written as it is. */
export function encodeChunkBody(chunk: StoredChunk): Uint8Array {
  const arrays: Uint8Array[] = [];
  let data = 0;
  const typed: TypedBytes = {
    tag(_name, bytes) {
      const at = data;
      arrays.push(bytes);
      data = align8(data + bytes.byteLength);
      return { at, n: bytes.byteLength };
    },
    read() { throw new Error('not used when encoding'); },
  };
  const header = utf8.encode(JSON.stringify(encodeWith(chunk, typed)));
  const start = align8(PREFIX + header.byteLength);
  const out = new Uint8Array(start + data);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, header.byteLength, true);
  out.set(header, PREFIX);
  let at = start;
  for (const a of arrays) {
    out.set(a, at);
    at = align8(at + a.byteLength);
  }
  return out;
}

/** The chunk back from encodeChunkBody's bytes; each typed array gets its own buffer (a copy), as IndexedDB gives them. */
export function decodeChunkBody(buffer: ArrayBuffer): StoredChunk {
  const bytes = new Uint8Array(buffer);
  if (bytes.byteLength < PREFIX || MAGIC.some((m, i) => bytes[i] !== m)) throw new Error('a stored chunk body is not in the expected format');
  const headerBytes = new DataView(buffer).getUint32(4, true);
  if (PREFIX + headerBytes > bytes.byteLength) throw new Error('a stored chunk body is cut short');
  const start = align8(PREFIX + headerBytes);
  const typed: TypedBytes = {
    tag() { throw new Error('not used when decoding'); },
    read(name: TypedName, o): Typed {
      const at = Number(o.at), n = Number(o.n);
      const Ctor = TYPED_ARRAYS[name];
      if (!Number.isInteger(at) || !Number.isInteger(n) || at < 0 || n % Ctor.BYTES_PER_ELEMENT !== 0 || start + at + n > bytes.byteLength) {
        throw new Error('a stored chunk body is cut short');
      }
      return new Ctor(buffer.slice(start + at, start + at + n)) as Typed;
    },
  };
  return decodeWith(JSON.parse(fromUtf8.decode(bytes.subarray(PREFIX, PREFIX + headerBytes))), typed) as StoredChunk;
}
