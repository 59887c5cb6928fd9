// The hash worker: a shell (DESIGN practice 4). SHA-256 of each file as its bytes stream in from the ingest
// worker; messages are numbered per file so several hashes may be open at once.
import { Sha256 } from '../../core/hash/sha256.ts';
import type { HashReply, HashRequest } from './workerHasher.ts';

const open = new Map<number, { hash: Sha256; bytes: number }>();

self.onmessage = (e: MessageEvent<HashRequest>) => {
  const m = e.data;
  let s = open.get(m.id);
  if (s === undefined) open.set(m.id, (s = { hash: new Sha256(), bytes: 0 }));
  if (m.bytes !== undefined) {
    s.hash.update(m.bytes);
    s.bytes += m.bytes.length;
    post({ id: m.id, hashed: s.bytes });
  }
  if (m.end === true) {
    open.delete(m.id);
    post({ id: m.id, hashed: s.bytes, hex: s.hash.hex() });
  }
};

function post(reply: HashReply): void {
  self.postMessage(reply);
}
