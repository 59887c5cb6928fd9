// Values of the hand-over file as JSON text and back: what IndexedDB holds that JSON cannot say (typed arrays,
// NaN and infinities, undefined) gets a tagged object. Key order is kept, so a value read back and written
// again gives the same text (export -> import -> export is byte-identical).

const TYPED = {
  Uint8Array, Uint16Array, Uint32Array, Int8Array, Int16Array, Int32Array, Float32Array, Float64Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const TAG = '$ld';

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  // String.fromCharCode over slices: one call per 32 KiB, never one per byte nor the whole array at once
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
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

/** A JSON-safe copy of a stored value; throws on what a case never holds (functions, Maps, handles). */
export function encodeValue(v: unknown): unknown {
  if (v === undefined) return { [TAG]: 'undefined' };
  if (typeof v === 'number') return Number.isFinite(v) ? v : { [TAG]: 'number', v: String(v) };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (ArrayBuffer.isView(v)) {
    const name = typedName(v);
    if (name === undefined) throw new Error(`cannot write a ${v.constructor.name}`);
    // little-endian, as every browser and Node on x86/ARM store typed arrays
    return { [TAG]: name, b64: bytesToBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = encodeValue(x);
    return out;
  }
  throw new Error(`cannot write a ${typeof v === 'object' ? (v as object).constructor?.name ?? 'object' : typeof v}`);
}

/** The stored value back from encodeValue's output (as JSON.parse gave it). */
export function decodeValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  const o = v as Record<string, unknown>;
  const tag = o[TAG];
  if (typeof tag === 'string') {
    if (tag === 'undefined') return undefined;
    if (tag === 'number') return Number(o.v);
    if (Object.hasOwn(TYPED, tag) && typeof o.b64 === 'string') {
      const bytes = base64ToBytes(o.b64);
      const Ctor = TYPED[tag as TypedName];
      const copy = new Uint8Array(bytes); // a fresh, aligned buffer
      return new Ctor(copy.buffer, 0, copy.byteLength / Ctor.BYTES_PER_ELEMENT) as Typed;
    }
    throw new Error(`unknown value tag ${JSON.stringify(tag).slice(0, 40)}`);
  }
  // null prototype: log text may be a key (a dictionary keyed by values) and must not reach Object.prototype
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, x] of Object.entries(o)) out[k] = decodeValue(x);
  return out;
}
