// BinXML substitution values -> text, the way Windows renders them in Event XML.
// Reference: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// ("Value types") and MS-EVEN6 2.2.12 https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-even6/
// Example: type 0x11 (FILETIME) 7B 2F 8A 9C 8D DE D4 01 -> "2019-03-19T23:34:25.5227893Z".
// Quirks: strings are stored with (sometimes several) trailing NULs, which Windows does not show; hex integers
// print without zero padding ("0x3e7"); FILETIMEs keep all seven 100 ns digits; 64-bit values exceed 2^53.

/** Value type codes (MS-EVEN6 2.2.12); 0x80 marks an array of the base type. */
export const VT = {
  Null: 0x00, String: 0x01, AnsiString: 0x02, Int8: 0x03, UInt8: 0x04, Int16: 0x05, UInt16: 0x06,
  Int32: 0x07, UInt32: 0x08, Int64: 0x09, UInt64: 0x0a, Real32: 0x0b, Real64: 0x0c, Bool: 0x0d,
  Binary: 0x0e, Guid: 0x0f, SizeT: 0x10, FileTime: 0x11, SysTime: 0x12, Sid: 0x13, HexInt32: 0x14,
  HexInt64: 0x15, EvtHandle: 0x20, BinXml: 0x21, EvtXml: 0x23, ArrayFlag: 0x80,
} as const;

const utf16Decoder = new TextDecoder('utf-16le');
// ANSI strings use the writer's code page, which the file does not record: windows-1252 is the usual one.
const ansiDecoder = new TextDecoder('windows-1252');

/** UTF-16LE text; short strings are built by hand (TextDecoder's call cost dominates below ~24 chars). */
export function utf16(bytes: Uint8Array, off: number, chars: number): string {
  if (chars > 24) return utf16Decoder.decode(bytes.subarray(off, off + chars * 2));
  let s = '';
  for (let i = 0; i < chars; i++) s += String.fromCharCode(bytes[off + 2 * i] | (bytes[off + 2 * i + 1] << 8));
  return s;
}

/** Drops the trailing NULs Windows stores after string values. */
function stripNuls(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0) end--;
  return end === s.length ? s : s.slice(0, end);
}

const HEX = '0123456789ABCDEF';
function hexBytes(bytes: Uint8Array, off: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += HEX[bytes[off + i] >> 4] + HEX[bytes[off + i] & 15];
  return s;
}
function hex32(n: number, pad: number): string {
  return n.toString(16).toUpperCase().padStart(pad, '0');
}

/** Byte -> two upper-case hex digits. */
const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => HEX[i >> 4] + HEX[i & 15]);

export function guid(bytes: Uint8Array, _dv: DataView, off: number): string {
  const b = bytes, h = HEX2;
  // the first three groups are little-endian numbers, the last two plain bytes
  return `{${h[b[off + 3]]}${h[b[off + 2]]}${h[b[off + 1]]}${h[b[off]]}-${h[b[off + 5]]}${h[b[off + 4]]}-${h[b[off + 7]]}${h[b[off + 6]]}-`
    + `${h[b[off + 8]]}${h[b[off + 9]]}-${h[b[off + 10]]}${h[b[off + 11]]}${h[b[off + 12]]}${h[b[off + 13]]}${h[b[off + 14]]}${h[b[off + 15]]}}`;
}

/** NT security identifier "S-1-5-21-..."; undefined when the bytes do not hold one. */
export function sid(bytes: Uint8Array, dv: DataView, off: number, size: number): string | undefined {
  if (size < 8) return undefined;
  const count = bytes[off + 1];
  if (8 + 4 * count > size) return undefined;
  // the 48-bit identifier authority is big-endian
  const authority = dv.getUint16(off + 2, false) * 4294967296 + dv.getUint32(off + 4, false);
  let s = `S-${bytes[off]}-${authority}`;
  for (let i = 0; i < count; i++) s += `-${dv.getUint32(off + 8 + 4 * i, true)}`;
  return s;
}

const FILETIME_EPOCH_SECONDS = 11644473600; // 1601-01-01 -> 1970-01-01

/**
 * The last FILETIME formatted (in 1970..9999) and its epoch milliseconds: the parser takes TimeCreated's ts
 * from here instead of parsing the text it just wrote. `ms` is exactly what parseIsoTime gives for `text`:
 * the whole milliseconds are an exact integer, and ticks / 1e7 is the double nearest the fraction, as is
 * Number('0.' + seven digits) in parseIsoTime (both correctly rounded).
 */
export const lastFiletime = { text: '', ms: NaN };

/** FILETIME (100 ns ticks since 1601, as two 32-bit halves) -> ISO text with seven fractional digits. */
export function filetime(lo: number, hi: number): string {
  // split hi*2^32 + lo into seconds and 100 ns ticks without leaving exact integer range (2^32 = 429*1e7 + 4967296)
  const low = hi * 4967296 + lo;
  const secs = hi * 429 + Math.floor(low / 1e7);
  const ticks = low % 1e7;
  const unix = secs - FILETIME_EPOCH_SECONDS;
  if (unix >= 0 && unix < 253402300800) {
    const text = `${isoSeconds(unix)}.${String(ticks).padStart(7, '0')}Z`;
    lastFiletime.text = text;
    lastFiletime.ms = unix * 1000 + (ticks / 1e7) * 1000;
    return text;
  }
  const ms = unix * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return '';
  const iso = new Date(ms).toISOString();
  // years past 9999 print with a sign; keep them as they are
  return `${iso.slice(0, iso.length - 5)}.${String(ticks).padStart(7, '0')}Z`;
}

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/**
 * 'YYYY-MM-DDTHH:MM:SS' of a Unix time in seconds, 1970..9999, without a Date object (this runs for every
 * timestamp of every record). Days -> civil date: http://howardhinnant.github.io/date_algorithms.html#civil_from_days
 */
function isoSeconds(unix: number): string {
  const days = Math.floor(unix / 86400);
  let rem = unix - days * 86400;
  const hh = Math.floor(rem / 3600);
  rem -= hh * 3600;
  const mi = Math.floor(rem / 60);
  const ss = rem - mi * 60;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${PAD2[Math.floor(y / 100)]}${PAD2[y % 100]}-${PAD2[m]}-${PAD2[d]}T${PAD2[hh]}:${PAD2[mi]}:${PAD2[ss]}`;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function systime(dv: DataView, off: number): string {
  const g = (i: number) => dv.getUint16(off + 2 * i, true);
  return `${pad(g(0), 4)}-${pad(g(1), 2)}-${pad(g(3), 2)}T${pad(g(4), 2)}:${pad(g(5), 2)}:${pad(g(6), 2)}.${pad(g(7), 3)}Z`;
}

function int64(dv: DataView, off: number, signed: boolean): string {
  const hi = dv.getUint32(off + 4, true);
  if (hi < 0x200000) return String(hi * 4294967296 + dv.getUint32(off, true));
  return (signed ? dv.getBigInt64(off, true) : dv.getBigUint64(off, true)).toString();
}

function hex64(dv: DataView, off: number): string {
  const hi = dv.getUint32(off + 4, true);
  const lo = dv.getUint32(off, true);
  return hi === 0 ? `0x${lo.toString(16)}` : `0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')}`;
}

/** A float the way Windows prints it: integers without a fraction, else up to 6 fractional digits. */
function real(n: number): string {
  if (Number.isNaN(n)) return '-1.#IND';
  if (!Number.isFinite(n)) return n > 0 ? '1.#INF' : '-1.#INF';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

/** Size of one item of a fixed-size type, 0 for variable-size types. */
export function itemSize(type: number, size: number): number {
  switch (type & 0x7f) {
    case VT.Int8: case VT.UInt8: return 1;
    case VT.Int16: case VT.UInt16: return 2;
    case VT.Int32: case VT.UInt32: case VT.Real32: case VT.Bool: case VT.HexInt32: return 4;
    case VT.Int64: case VT.UInt64: case VT.Real64: case VT.FileTime: case VT.HexInt64: return 8;
    case VT.Guid: case VT.SysTime: return 16;
    case VT.SizeT: return size === 4 || size % 8 !== 0 ? 4 : 8;
    default: return 0;
  }
}

/**
 * One scalar value of a fixed or variable size type -> text. Unknown types and sizes that do not fit their
 * type print as hex so nothing is lost.
 */
export function scalar(bytes: Uint8Array, dv: DataView, off: number, size: number, type: number): string {
  switch (type) {
    case VT.Null: return '';
    case VT.String: return stripNuls(utf16(bytes, off, size >> 1));
    case VT.AnsiString: return stripNuls(ansiDecoder.decode(bytes.subarray(off, off + size)));
    case VT.Binary: return hexBytes(bytes, off, size);
    case VT.Sid: return sid(bytes, dv, off, size) ?? hexBytes(bytes, off, size);
  }
  const want = itemSize(type, size);
  if (want === 0 || size < want) return hexBytes(bytes, off, size);
  switch (type) {
    case VT.Int8: return String(dv.getInt8(off));
    case VT.UInt8: return String(bytes[off]);
    case VT.Int16: return String(dv.getInt16(off, true));
    case VT.UInt16: return String(dv.getUint16(off, true));
    case VT.Int32: return String(dv.getInt32(off, true));
    case VT.UInt32: return String(dv.getUint32(off, true));
    case VT.Int64: return int64(dv, off, true);
    case VT.UInt64: return int64(dv, off, false);
    case VT.Real32: return real(dv.getFloat32(off, true));
    case VT.Real64: return real(dv.getFloat64(off, true));
    case VT.Bool: return dv.getUint32(off, true) !== 0 ? 'true' : 'false';
    case VT.Guid: return guid(bytes, dv, off);
    case VT.HexInt32: return `0x${dv.getUint32(off, true).toString(16)}`;
    case VT.HexInt64: return hex64(dv, off);
    case VT.SizeT: return want === 4 ? `0x${hex32(dv.getUint32(off, true), 8).toLowerCase()}` : `0x${hex64(dv, off).slice(2).padStart(16, '0')}`;
    case VT.FileTime: return filetime(dv.getUint32(off, true), dv.getUint32(off + 4, true));
    case VT.SysTime: return systime(dv, off);
    default: return hexBytes(bytes, off, size);
  }
}

/** An array value (type | 0x80) -> its items; strings are NUL-separated, the rest fixed size. */
export function array(bytes: Uint8Array, dv: DataView, off: number, size: number, type: number): string[] {
  const base = type & 0x7f;
  const out: string[] = [];
  if (base === VT.String || base === VT.AnsiString) {
    const unit = base === VT.String ? 2 : 1;
    let start = off;
    const end = off + size - (size % unit);
    for (let p = off; p < end; p += unit) {
      const nul = unit === 2 ? bytes[p] === 0 && bytes[p + 1] === 0 : bytes[p] === 0;
      if (nul) {
        out.push(scalar(bytes, dv, start, p - start, base));
        start = p + unit;
      }
    }
    if (start < end) out.push(scalar(bytes, dv, start, end - start, base));
    return out;
  }
  if (base === VT.Sid) {
    // SIDs vary in size: each says how many sub-authorities follow
    let p = off;
    while (p + 8 <= off + size) {
      const len = 8 + 4 * bytes[p + 1];
      out.push(sid(bytes, dv, p, Math.min(len, off + size - p)) ?? hexBytes(bytes, p, off + size - p));
      p += len;
    }
    return out;
  }
  const step = itemSize(base, size);
  if (step === 0) return [hexBytes(bytes, off, size)];
  for (let p = off; p + step <= off + size; p += step) out.push(scalar(bytes, dv, p, step, base));
  return out;
}
