// Test helpers for the container readers: a tiny tar writer, byte sources, and a collector that
// runs expandBundle the way the ingest does (each entry read to its end before the next).
// Reference for the writer: POSIX ustar https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html
import { expandBundle } from '../../../src/parsers/containers/bundle.ts';
import type { BundleSource, ContainerIssue, ExpandLimits } from '../../../src/parsers/containers/types.ts';

export const enc = (s: string) => new TextEncoder().encode(s);
export const dec = (b: Uint8Array) => new TextDecoder().decode(b);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export interface TarItem {
  name: string;
  data?: Uint8Array | string;
  /** typeflag, default '0' */
  type?: string;
  /** seconds */
  mtime?: number;
  /** ustar prefix field (POSIX long paths) */
  prefix?: string;
  /** write the size field in GNU base-256 */
  base256?: boolean;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** One 512-byte ustar header with a valid checksum. */
export function tarHeader(item: TarItem, size: number): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, at: number) => h.set(enc(s).subarray(0, 512 - at), at);
  put(item.name, 0);
  put(octal(0o644, 8), 100);
  put(octal(1000, 8), 108);
  put(octal(1000, 8), 116);
  if (item.base256) {
    h[124] = 0x80;
    let n = size;
    for (let i = 135; i > 124; i--) {
      h[i] = n % 256;
      n = Math.floor(n / 256);
    }
  } else put(octal(size, 12), 124);
  put(octal(item.mtime ?? 1_700_000_000, 12), 136);
  h[156] = (item.type ?? '0').charCodeAt(0);
  put('ustar\x0000', 257);
  put('user', 265);
  put('group', 297);
  if (item.prefix) put(item.prefix, 345);
  put('        ', 148);
  let sum = 0;
  for (const b of h) sum += b;
  put(octal(sum, 7) + ' ', 148);
  return h;
}

/** A tar archive; `end` adds the two zero blocks. */
export function makeTar(items: TarItem[], end = true): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const item of items) {
    const data = typeof item.data === 'string' ? enc(item.data) : (item.data ?? new Uint8Array(0));
    parts.push(tarHeader(item, data.length), data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  if (end) parts.push(new Uint8Array(1024));
  return concat(...parts);
}

/** A pax 'x' header record set as tar data. */
export function paxData(records: Record<string, string>): string {
  let out = '';
  for (const [k, v] of Object.entries(records)) {
    const body = enc(` ${k}=${v}\n`).length; // the length counts bytes, its own digits included
    let len = body + 1;
    while (String(len).length + body !== len) len = String(len).length + body;
    out += `${len} ${k}=${v}\n`;
  }
  return out;
}

/** A source that hands its bytes out in chunks of `chunk` bytes (default: one chunk). */
export function source(name: string, bytes: Uint8Array, chunk = bytes.length || 1, lastModified = 1_600_000_000_000): BundleSource {
  return {
    name,
    size: bytes.length,
    lastModified,
    stream: () => {
      let o = 0;
      return new ReadableStream<Uint8Array>({
        pull(c) {
          if (o >= bytes.length) c.close();
          else {
            c.enqueue(bytes.slice(o, o + chunk));
            o += chunk;
          }
        },
      });
    },
  };
}

export interface Collected {
  entries: { path: string; size?: number; lastModified: number; bytes: Uint8Array }[];
  issues: ContainerIssue[];
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const r = stream.getReader();
  for (;;) {
    const { done, value } = await r.read();
    if (done) break;
    parts.push(value);
  }
  return concat(...parts);
}

export async function collect(sources: BundleSource[], limits?: Partial<ExpandLimits>): Promise<Collected> {
  const out: Collected = { entries: [], issues: [] };
  for await (const e of expandBundle(sources, (i) => out.issues.push(i), limits)) {
    out.entries.push({ path: e.path, size: e.size, lastModified: e.lastModified, bytes: await readAll(e.open()) });
  }
  return out;
}

/** Names and sizes only, for compact expectations. */
export const summary = (c: Collected) => c.entries.map((e) => `${e.path} ${e.bytes.length}`);
