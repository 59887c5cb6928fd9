// The ingest's SHA-256 covers every byte of every file, whatever happens to it: parsed as text, parsed by a
// binary parser, skipped as binary (hashed to its end anyway), or cancelled (no hash: not read to the end).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ingestFile, type IngestSource } from '../../../src/workers/ingest/ingestFile.ts';
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
});
