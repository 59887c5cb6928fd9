// One tar header block, and the extended headers that rename or resize the next entry.
// References: POSIX ustar and pax https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html
// (ustar header: name 0/100, mode 100, uid 108, gid 116, size 124/12, mtime 136/12, chksum 148/8,
// typeflag 156, linkname 157/100, magic 257/6, prefix 345/155; pax records "%d %s=%s\n");
// GNU tar https://www.gnu.org/software/tar/manual/html_node/Standard.html ('L' long name in
// '././@LongLink', base-256 numbers when the top bit of the field is set).
//
// Example: "var/log/auth.log\0..." | "0000644\0" | ... | "00000012345\0" | ... | '0' | ... | "ustar\0" "00"

export interface TarHeader {
  name: string;
  size: number;
  /** epoch ms */
  mtime: number;
  /** '0' regular, '5' directory, 'x'/'g' pax, 'L'/'K' GNU long names, ... ('\0' is read as '0') */
  type: string;
}

const text = new TextDecoder('utf-8');

function field(b: Uint8Array, start: number, length: number): string {
  const end = b.subarray(start, start + length).indexOf(0);
  return text.decode(b.subarray(start, end < 0 ? start + length : start + end));
}

/** Octal (POSIX) or GNU base-256 (top bit set) number; NaN when neither. */
function numberField(b: Uint8Array, start: number, length: number): number {
  if (b[start] & 0x80) {
    let n = b[start] & 0x3f; // 0x40 would be the sign bit: negative sizes and dates are not meaningful here
    for (let i = start + 1; i < start + length; i++) n = n * 256 + b[i];
    return n;
  }
  const s = field(b, start, length).trim();
  return s === '' ? 0 : /^[0-7]+$/.test(s) ? parseInt(s, 8) : NaN;
}

export function parseTarHeader(b: Uint8Array): TarHeader | null {
  const size = numberField(b, 124, 12);
  const mtime = numberField(b, 136, 12);
  if (!Number.isFinite(size) || !Number.isFinite(mtime)) return null;
  const type = b[156] === 0 ? '0' : String.fromCharCode(b[156]);
  const magic = field(b, 257, 6);
  const prefix = magic === 'ustar' && b[263] === 0x30 ? field(b, 345, 155) : ''; // POSIX only; GNU uses it otherwise
  const name = field(b, 0, 100);
  return { name: prefix ? `${prefix}/${name}` : name, size, mtime: mtime * 1000, type };
}

export function isZeroBlock(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/** pax extended header records: "<length> <key>=<value>\n", length counting the whole record. */
export function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let o = 0;
  while (o < data.length) {
    let sp = o;
    while (sp < data.length && data[sp] !== 0x20) sp++;
    const len = parseInt(text.decode(data.subarray(o, sp)), 10);
    if (!Number.isFinite(len) || len <= 0 || o + len > data.length) break;
    const record = text.decode(data.subarray(sp + 1, o + len - 1)); // drop the trailing '\n'
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    o += len;
  }
  return out;
}

/** The GNU long name: the data block(s) of an 'L' entry, NUL-terminated. */
export function longName(data: Uint8Array): string {
  const end = data.indexOf(0);
  return text.decode(end < 0 ? data : data.subarray(0, end));
}
