// Reads the start of a stream for sniffing without losing it: the head bytes are replayed to the parser.
import type { Head } from '../../parsers/types.ts';

export const HEAD_BYTES = 64 * 1024;
const HEAD_LINES = 50;

/** Reads until `limit` bytes or the end; returns the head and the reader positioned after it. */
export async function readHead(
  reader: ReadableStreamDefaultReader<Uint8Array>, limit = HEAD_BYTES,
): Promise<{ chunks: Uint8Array[]; bytes: Uint8Array; done: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  while (total < limit) {
    const r = await reader.read();
    if (r.done) { done = true; break; }
    chunks.push(r.value);
    total += r.value.length;
  }
  const bytes = new Uint8Array(Math.min(total, limit));
  let at = 0;
  for (const c of chunks) {
    const take = Math.min(c.length, bytes.length - at);
    bytes.set(c.subarray(0, take), at);
    at += take;
    if (at >= bytes.length) break;
  }
  return { chunks, bytes, done };
}

/** Builds the Head parsers sniff: decoded text and its first complete lines (a cut last line is left out). */
export function buildHead(name: string, bytes: Uint8Array, text: string, complete: boolean): Head {
  let lines = text.split('\n');
  if (!complete && lines.length > 1) lines = lines.slice(0, -1);
  lines = lines.slice(0, HEAD_LINES).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '' && complete) lines.pop();
  return { name, bytes, text, lines };
}
