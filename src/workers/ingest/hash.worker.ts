// The hash worker: a shell (DESIGN practice 4). SHA-256 of each file as its bytes stream in from the ingest
// worker; messages are numbered per file so several hashes may be open at once.
// Why hash-wasm: its WebAssembly SHA-256 runs about twice as fast as ours in JS (measured ~170 vs ~80 MB/s),
// and this worker competes with parsing for the same two cores. (The page's CSP meta tag does not reach a
// worker; a host that sends a CSP header without 'wasm-unsafe-eval' makes our JS implementation take over.)
import { createSHA256 } from 'hash-wasm';
import { Sha256 } from '../../core/hash/sha256.ts';
import type { HashReply, HashRequest } from './workerHasher.ts';

interface Digest { update(bytes: Uint8Array): void; hex(): string; /** ready for the next file (WebAssembly only) */ reset?(): void }

const wasm: Promise<(() => Promise<Digest>) | undefined> = createSHA256().then(
  () => async () => {
    const h = await createSHA256();
    h.init();
    return { update: (b) => void h.update(b), hex: () => h.digest('hex'), reset: () => void h.init() };
  },
  () => undefined,
);

/**
 * Finished WebAssembly digests, reset and reused. A new one per file is a new WebAssembly instance with its
 * own memory: an archive of 10,000 small members made 10,000 of them, and every Wasm memory reserves address
 * space that only a full GC gives back.
 */
const free: Digest[] = [];
const FREE_MAX = 8;

const open = new Map<number, { hash: Promise<Digest>; bytes: number; error?: string }>();
/** files whose digest is no longer wanted: a Blob being read stops at its next piece */
const cancelled = new Set<number>();

async function newDigest(): Promise<Digest> {
  const reused = free.pop();
  if (reused !== undefined) return reused;
  const make = await wasm;
  if (make !== undefined) return make();
  const h = new Sha256();
  return { update: (b) => void h.update(b), hex: () => h.hex() };
}

/** Hashes a whole file from its Blob, reporting progress; a read error is kept for the digest's reply. */
async function readBlob(id: number, blob: Blob, s: { hash: Promise<Digest>; bytes: number; error?: string }): Promise<void> {
  const hash = await s.hash;
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      if (cancelled.has(id)) return;
      const r = await reader.read();
      if (r.done) return;
      hash.update(r.value);
      s.bytes += r.value.length;
    }
  } catch (e) {
    s.error = e instanceof Error ? e.message : String(e);
  } finally {
    reader.releaseLock();
  }
}

function recycle(hash: Digest): void {
  if (hash.reset !== undefined && free.length < FREE_MAX) {
    hash.reset();
    free.push(hash);
  }
}

// messages are handled strictly in order: each waits for the previous one of any file (a Blob is read inside
// its turn, so the next file's pieces wait for it); a cancel is noted at once so a Blob being read stops
let queue: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<HashRequest>) => {
  const m = e.data;
  if (m.cancel === true) cancelled.add(m.id);
  queue = queue.then(async () => {
    let s = open.get(m.id);
    if (s === undefined) open.set(m.id, (s = { hash: newDigest(), bytes: 0 }));
    const hash = await s.hash;
    if (m.blob !== undefined) await readBlob(m.id, m.blob, s);
    if (m.bytes !== undefined) {
      hash.update(m.bytes);
      s.bytes += m.bytes.length;
      post({ id: m.id, hashed: s.bytes });
    }
    if (m.cancel === true) {
      open.delete(m.id);
      cancelled.delete(m.id);
      recycle(hash);
    } else if (m.end === true) {
      open.delete(m.id);
      post(s.error === undefined ? { id: m.id, hashed: s.bytes, hex: hash.hex() } : { id: m.id, hashed: s.bytes, error: s.error });
      recycle(hash);
    }
  });
};

function post(reply: HashReply): void {
  self.postMessage(reply);
}
