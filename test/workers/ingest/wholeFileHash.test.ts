// A dropped file that is not an archive reaches the hasher as its Blob (`whole`): the browser's hash worker
// reads it itself, so the ingest worker neither copies nor posts its reads. Archive members and decompressed
// output have no Blob of their own: their bytes still go through update/take. Either way the ledger's SHA-256
// is the file's, and a file whose read is cancelled abandons its hash instead of finishing it.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { ingestBundle, HASH_IN_THREAD_MAX, type BundleIngestHooks } from '../../../src/workers/ingest/ingestBundle.ts';
import { ingestFile } from '../../../src/workers/ingest/ingestFile.ts';
import { toSource } from '../../../src/workers/ingest/runner.ts';
import type { ByteHasher, HasherFactory } from '../../../src/workers/ingest/hashing.ts';

const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Lines enough to pass HASH_IN_THREAD_MAX (smaller files are hashed in the reading thread, without a factory). */
function authLog(tag: string): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length <= HASH_IN_THREAD_MAX * 2; i++) {
    lines.push(`Oct  1 10:${String(i % 60).padStart(2, '0')}:00 ${tag} sshd[${i}]: Failed password for root from 10.0.${i % 250}.1 port 22 ssh2`);
  }
  return strToU8(`${lines.join('\n')}\n`);
}

/** Like the worker hasher: reads a given Blob itself and then ignores the bytes it is offered. */
function blobReadingHasher(log: string[]): HasherFactory {
  return (whole?: Blob): ByteHasher => {
    const h = createHash('sha256');
    log.push(whole === undefined ? 'bytes' : 'blob');
    const fromBlob = whole?.arrayBuffer().then((b) => void h.update(new Uint8Array(b)));
    return {
      update: (b) => { if (whole === undefined) h.update(b); },
      hex: async () => { await fromBlob; return h.digest('hex'); },
      abandon: () => void log.push('abandoned'),
    };
  };
}

const hooks: BundleIngestHooks = { addFile: async (e) => e.id!, updateFile: async () => {}, chunk: async () => {}, progress: () => {} };

describe('whole-file hashing', () => {
  it('gives a plain file its Blob and an archive member or gunzipped file none; every hash is the bytes\'', async () => {
    const plain = authLog('plain'), member = authLog('member'), gzipped = authLog('gz');
    const files = [
      toSource({ path: 'auth.log', file: new File([plain as Uint8Array<ArrayBuffer>], 'auth.log') }),
      toSource({ path: 'b.zip', file: new File([zipSync({ 'var/log/auth.log': member }) as Uint8Array<ArrayBuffer>], 'b.zip') }),
      toSource({ path: 'c.log.gz', file: new File([gzipSync(gzipped) as Uint8Array<ArrayBuffer>], 'c.log.gz') }),
    ];
    const log: string[] = [];
    const rows = await ingestBundle(files, { hasher: blobReadingHasher(log) }, hooks);
    expect(log).toEqual(['blob', 'bytes', 'bytes']);
    expect(rows.map((r) => [r.path, r.sha256])).toEqual([
      ['auth.log', hex(plain)], ['b.zip/var/log/auth.log', hex(member)], ['c.log.gz/c.log', hex(gzipped)],
    ]);
  });

  it('abandons the hash of a cancelled read (a Blob being hashed stops; no digest is asked for)', async () => {
    const bytes = authLog('cancel');
    const log: string[] = [];
    const abort = new AbortController();
    const r = await ingestFile(
      { path: 'a.log', lastModified: 0, open: () => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream(), whole: new Blob([bytes as Uint8Array<ArrayBuffer>]) },
      { hasher: blobReadingHasher(log), signal: abort.signal, chunkEvents: 10 },
      () => abort.abort(),
    );
    expect(r.state).toBe('cancelled');
    expect(r.sha256).toBe('');
    expect(log).toEqual(['blob', 'abandoned']);
  });
});
