// Byte arrays joined end to end: what a stream reader collects in parts (decompressed bodies, rule files read
// from archives, the text framer's carried tail), and bytes put through a (de)compression stream.

/** The parts as one array; a single part is returned as it is (no copy). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let size = 0;
  for (const p of parts) size += p.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * The bytes through a (de)compression stream, fed and drained in this thread: not through a Blob, whose bytes
 * go to the browser process and back (an ingest of 1M auth lines spent 3.8 s more on the browser's IO thread).
 */
export async function throughStream(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined); // its failure is the reader's too
  void writer.close().catch(() => undefined);
  const parts: Uint8Array[] = [];
  for (const reader = stream.readable.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return concatBytes(parts);
}
