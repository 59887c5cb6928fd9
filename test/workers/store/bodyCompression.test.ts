// Chunk body files are compressed (bodyCompression.ts): a real chunk of syslog lines takes a fraction of its
// encoded size, reads back byte for byte, a body written uncompressed (before compression) still reads, and a
// damaged one says so instead of decoding garbage.
import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';
import { packChunk } from '../../../src/workers/chunk/packedDict.ts';
import { decodeChunkBody, encodeChunkBody } from '../../../src/workers/store/chunkBody.ts';
import { compressBody, expandBody } from '../../../src/workers/store/bodyCompression.ts';
import type { StoredChunk } from '../../../src/workers/store/schema.ts';

/** 5,000 sshd lines as the chunk builder stores them. */
function sshdChunk(): StoredChunk {
  const b = new ChunkBuilder(5_000);
  for (let i = 0; i < 5_000; i++) {
    const raw = `Mar  3 14:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} web01 sshd[${4000 + i}]: Failed password for invalid user u${i % 300} from 203.0.113.${i % 250} port ${40_000 + i} ssh2`;
    b.add({ ts: 1_700_000_000_000 + i * 1000, raw, message: raw.slice(33), 'col.line': i + 1, 'col.offset': i * 110, 'parser.name': 'syslog3164', 'host.name': 'web01', 'src.ip': `203.0.113.${i % 250}`, 'src.port': 40_000 + i } as never);
  }
  return { ...packChunk(b.build(1, 0)), key: [1, 0] };
}

/** byte for byte (toEqual over half a megabyte of typed arrays takes minutes) */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

describe('compressed chunk bodies', () => {
  it('a chunk of log lines is written at well under half its encoded size and reads back unchanged', async () => {
    const encoded = encodeChunkBody(sshdChunk());
    const written = await compressBody(encoded);
    expect(String.fromCharCode(...written.subarray(0, 4))).toBe('LDZ1');
    expect(written.byteLength).toBeLessThan(encoded.byteLength / 2);
    const back = new Uint8Array(await expandBody(written.slice().buffer));
    expect(sameBytes(back, encoded)).toBe(true);
    const chunk = decodeChunkBody(back.buffer);
    expect(chunk.count).toBe(5_000);
    expect(sameBytes(encodeChunkBody(chunk), encoded)).toBe(true);
  });

  it('a body written uncompressed (before compression) is read as it is', async () => {
    const encoded = encodeChunkBody(sshdChunk());
    expect(sameBytes(new Uint8Array(await expandBody(encoded.slice().buffer)), encoded)).toBe(true);
  });

  it('a damaged compressed body is refused with a message, not decoded', async () => {
    const written = await compressBody(encodeChunkBody(sshdChunk()));
    const cut = written.slice(0, written.byteLength >> 1);
    await expect(expandBody(cut.buffer)).rejects.toThrow(/stored chunk body is damaged/);
  });
});
