// Values of the hand-over file as JSON text and back: what IndexedDB holds that JSON cannot say (typed arrays,
// NaN and infinities, undefined) gets a tagged object. Key order is kept, so a value read back and written
// again gives the same text (export -> import -> export is byte-identical).

const TYPED = {
  Uint8Array, Uint16Array, Uint32Array, Int8Array, Int16Array, Int32Array, Float32Array, Float64Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const TAG = '$ld';

const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const ascii = new TextDecoder();

/**
 * RFC 4648 base64. Written into bytes and decoded once: String.fromCharCode over slices + btoa cost 60% of an
 * export's CPU (bench:handover). A chunk's column is a few MiB at most, so one output array is fine.
 */
function bytesToBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = ALPHABET[v >>> 18];
    out[o++] = ALPHABET[(v >>> 12) & 63];
    out[o++] = ALPHABET[(v >>> 6) & 63];
    out[o++] = ALPHABET[v & 63];
  }
  if (i < n) {
    const v = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0);
    out[o] = ALPHABET[v >>> 18];
    out[o + 1] = ALPHABET[(v >>> 12) & 63];
    out[o + 2] = i + 1 < n ? ALPHABET[(v >>> 6) & 63] : 61; // '='
    out[o + 3] = 61;
  }
  return ascii.decode(out);
}

function base64ToBytes(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function typedName(v: ArrayBufferView): TypedName | undefined {
  for (const name of Object.keys(TYPED) as TypedName[]) if (v instanceof TYPED[name]) return name;
  return undefined;
}

/**
 * Where a typed array's bytes go: the hand-over file writes them as base64 in the JSON; the chunk body codec
 * (store/chunkBody.ts) puts them in a binary section and writes only where they are. `tag` is the array's
 * tagged stand-in (its other keys are the codec's); `read` gives the array back from that stand-in.
 */
export interface TypedBytes {
  tag(name: TypedName, bytes: Uint8Array): Record<string, unknown>;
  read(name: TypedName, tag: Record<string, unknown>): Typed;
}

/** The hand-over file's way: the bytes as base64 in the tag (little-endian, as every browser and Node on x86/ARM). */
const BASE64: TypedBytes = {
  tag: (_name, bytes) => ({ b64: bytesToBase64(bytes) }),
  read(name, o) {
    if (typeof o.b64 !== 'string') throw new Error(`a ${name} without its bytes`);
    const bytes = base64ToBytes(o.b64);
    const Ctor = TYPED[name];
    const copy = new Uint8Array(bytes); // a fresh, aligned buffer
    return new Ctor(copy.buffer, 0, copy.byteLength / Ctor.BYTES_PER_ELEMENT) as Typed;
  },
};

export type { TypedName, Typed };
export { TYPED as TYPED_ARRAYS };

/** A JSON-safe copy of a stored value; throws on what a case never holds (functions, Maps, handles). */
export function encodeValue(v: unknown): unknown {
  return encodeWith(v, BASE64);
}

/** The stored value back from encodeValue's output (as JSON.parse gave it). */
export function decodeValue(v: unknown): unknown {
  return decodeWith(v, BASE64);
}

/** encodeValue with typed arrays' bytes put where `typed` says (one argument each: safe to pass to map). */
export function encodeWith(v: unknown, typed: TypedBytes): unknown {
  if (v === undefined) return { [TAG]: 'undefined' };
  if (typeof v === 'number') return Number.isFinite(v) ? v : { [TAG]: 'number', v: String(v) };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (ArrayBuffer.isView(v)) {
    const name = typedName(v);
    if (name === undefined) throw new Error(`cannot write a ${v.constructor.name}`);
    return { [TAG]: name, ...typed.tag(name, new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (Array.isArray(v)) return v.map((x) => encodeWith(x, typed));
  if (typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
    // null prototype: a key '__proto__' (log text) is written as a key, not swallowed as the prototype
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, x] of Object.entries(v)) out[k] = encodeWith(x, typed);
    return out;
  }
  throw new Error(`cannot write a ${typeof v === 'object' ? (v as object).constructor?.name ?? 'object' : typeof v}`);
}

/** decodeValue with typed arrays read back where `typed` says. */
export function decodeWith(v: unknown, typed: TypedBytes): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => decodeWith(x, typed));
  const o = v as Record<string, unknown>;
  const tag = o[TAG];
  if (typeof tag === 'string') {
    if (tag === 'undefined') return undefined;
    if (tag === 'number') return Number(o.v);
    if (Object.hasOwn(TYPED, tag)) return typed.read(tag as TypedName, o);
    throw new Error(`unknown value tag ${JSON.stringify(tag).slice(0, 40)}`);
  }
  // null prototype: log text may be a key (a dictionary keyed by values) and must not reach Object.prototype
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, x] of Object.entries(o)) out[k] = decodeWith(x, typed);
  return out;
}
