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

const open = new Map<number, { hash: Promise<Digest>; bytes: number }>();

async function newDigest(): Promise<Digest> {
  const reused = free.pop();
  if (reused !== undefined) return reused;
  const make = await wasm;
  if (make !== undefined) return make();
  const h = new Sha256();
  return { update: (b) => void h.update(b), hex: () => h.hex() };
}

// messages are handled strictly in order: each waits for the previous one of any file
let queue: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<HashRequest>) => {
  const m = e.data;
  queue = queue.then(async () => {
    let s = open.get(m.id);
    if (s === undefined) open.set(m.id, (s = { hash: newDigest(), bytes: 0 }));
    const hash = await s.hash;
    if (m.bytes !== undefined) {
      hash.update(m.bytes);
      s.bytes += m.bytes.length;
      post({ id: m.id, hashed: s.bytes });
    }
    if (m.end === true) {
      open.delete(m.id);
      post({ id: m.id, hashed: s.bytes, hex: hash.hex() });
      if (hash.reset !== undefined && free.length < FREE_MAX) {
        hash.reset();
        free.push(hash);
      }
    }
  });
};

function post(reply: HashReply): void {
  self.postMessage(reply);
}
