// The ingest's SHA-256 covers every byte of every file, whatever happens to it: parsed as text, parsed by a
// binary parser, skipped as binary (hashed to its end anyway), or cancelled (no hash: not read to the end).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ingestFile, type IngestSource } from '../../../src/workers/ingest/ingestFile.ts';
import type { HasherFactory } from '../../../src/workers/ingest/hashing.ts';
import { eventAt, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';

const nodeHex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The bytes as a stream of `size`-byte pieces (the hash must not depend on how the stream is cut). */
function source(path: string, bytes: Uint8Array, size = 4096): IngestSource {
  return {
    path, size: bytes.length, lastModified: Date.UTC(2026, 0, 1),
    open: () => new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += size) c.enqueue(bytes.slice(i, i + size));
        c.close();
      },
    }),
  };
}

describe('ingest hashing', () => {
  it.each([
    { name: 'a text log', file: 'loghub/OpenSSH/OpenSSH_2k.log', parser: 'syslog3164' },
    { name: 'an EVTX file (binary parser)', file: 'evtx-attack-samples/Defense Evasion/DE_104_system_log_cleared.evtx', parser: 'evtx' },
  ])('hashes $name as read, in 100-byte and 64 KiB pieces', needsCorpus, async ({ file, parser }) => {
    const bytes = new Uint8Array(readFileSync(corpusPath(file)));
    for (const size of [100, 65536]) {
      const r = await ingestFile(source(file, bytes, size), {}, () => {});
      expect(r.parserId).toBe(parser);
      expect(r.sha256).toBe(nodeHex(bytes));
      expect(r.bytesRead).toBe(bytes.length);
    }
  });

  it('hashes a skipped binary file to its end, past the sniffed head', async () => {
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i === 0 ? 0x89 : (Math.imul(i, 2654435761) >>> 24) & 0xff));
    const r = await ingestFile(source('blob.bin', bytes), {}, () => {});
    expect(r.state).toBe('skipped');
    expect(r.sha256).toBe(nodeHex(bytes));
    expect(r.bytesRead).toBe(bytes.length);
  });

  it('hashes an empty file', async () => {
    const r = await ingestFile(source('empty.log', new Uint8Array(0)), {}, () => {});
    expect(r.sha256).toBe(nodeHex(new Uint8Array(0)));
  });

  it('leaves the hash empty when the read is cancelled', needsCorpus, async () => {
    const bytes = new Uint8Array(readFileSync(corpusPath('loghub/OpenSSH/OpenSSH_2k.log')));
    const abort = new AbortController();
    // chunks of 10 events: the read is cancelled after the first ten
    const r = await ingestFile(source('ssh.log', bytes, 1000), { signal: abort.signal, chunkEvents: 10 }, () => abort.abort());
    expect(r.state).toBe('cancelled');
    expect(r.sha256).toBe('');
  });

  it.each([
    { name: 'a text log', file: 'loghub/OpenSSH/OpenSSH_2k.log' },
    { name: 'an EVTX file (its reads are copied, not taken)', file: 'evtx-attack-samples/Defense Evasion/DE_104_system_log_cleared.evtx' },
  ])('a hasher that takes the reads (transfers them, as the worker hasher does) hashes $name the same, and the events are the same', needsCorpus, async ({ file }) => {
    const bytes = new Uint8Array(readFileSync(corpusPath(file)));
    const taking: HasherFactory = () => {
      const h = createHash('sha256');
      return {
        update: (b) => void h.update(b),
        // as a transfer to the hash worker does: the bytes are gone from this side afterwards
        take: (b) => {
          h.update(b);
          structuredClone(b, { transfer: [b.buffer] });
        },
        hex: async () => h.digest('hex'),
      };
    };
    const events = (chunks: EventChunk[]) => chunks.flatMap((c) => Array.from({ length: c.count }, (_, i) => eventAt(c, i)));
    for (const size of [100, 65536]) {
      const plain: EventChunk[] = [], taken: EventChunk[] = [];
      const a = await ingestFile(source(file, bytes, size), {}, (c) => void plain.push(c));
      const b = await ingestFile(source(file, bytes, size), { hasher: taking }, (c) => void taken.push(c));
      expect(b.sha256).toBe(nodeHex(bytes));
      expect(b.sha256).toBe(a.sha256);
      expect(b.events).toBe(a.events);
      expect(events(taken)).toEqual(events(plain));
    }
  });
});
