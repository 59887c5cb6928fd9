// Chunk body files compressed (deflate-raw through the browser's own CompressionStream), because a body file
// costs disk and quota as it is while IndexedDB compresses its values: a 1M-line auth.log case took 197.6 MB
// with uncompressed bodies against 75.7 MB with every chunk in IndexedDB and 50.2 MB compressed (profile on disk,
// estimate()); an off-the-record window's small in-memory quota filled at 8.1M of 10M lines uncompressed, and
// holds all 10M compressed (369 MB).
// Layout: 'LDZ1' | the deflate-raw stream of an encodeChunkBody buffer ('LDC1' ...). A body without the prefix
// is read as it is: bodies written before compression, or where CompressionStream is missing.
import { throughStream } from '../../core/bytes.ts';

const ZMAGIC = [0x4c, 0x44, 0x5a, 0x31]; // 'LDZ1'

const canCompress = (): boolean => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** The bytes to write for an encoded body: compressed with the 'LDZ1' prefix, or as they are where the browser cannot. */
export async function compressBody(body: Uint8Array): Promise<Uint8Array> {
  if (!canCompress()) return body;
  const packed = await throughStream(body, new CompressionStream('deflate-raw'));
  const out = new Uint8Array(ZMAGIC.length + packed.byteLength);
  out.set(ZMAGIC, 0);
  out.set(packed, ZMAGIC.length);
  return out;
}

/** The encoded body (encodeChunkBody's bytes) from the bytes read back. */
export async function expandBody(buffer: ArrayBuffer): Promise<ArrayBuffer> {
  const bytes = new Uint8Array(buffer);
  if (bytes.byteLength < ZMAGIC.length || ZMAGIC.some((m, i) => bytes[i] !== m)) return buffer;
  if (!canCompress()) throw new Error('This case keeps chunks compressed, and this browser cannot expand them (no DecompressionStream).');
  try {
    const out = await throughStream(bytes.subarray(ZMAGIC.length), new DecompressionStream('deflate-raw'));
    return out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? (out.buffer as ArrayBuffer) : out.slice().buffer;
  } catch (e) {
    throw new Error(`a stored chunk body is damaged (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}
