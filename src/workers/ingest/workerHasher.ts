// The browser's HasherFactory: hashes in a hash worker started by the ingest worker. A chunk the parser still
// reads is copied once and the copy transferred (update); a chunk the reader is done with is transferred as it
// is (take: text files, after the line splitter has decoded it), so no byte is copied for the hash.
import type { ByteHasher, HasherFactory } from './hashing.ts';
import { embeddedWorker } from '../embed.ts';

export interface HashRequest { id: number; bytes?: Uint8Array; end?: boolean }
export interface HashReply { id: number; hashed: number; hex?: string }

/** bytes sent but not yet hashed above which the reader waits (the hash worker lags on a busy machine) */
const MAX_BEHIND = 32 * 1024 * 1024;

let worker: Worker | undefined;
let nextId = 1;
const listeners = new Map<number, (r: HashReply) => void>();

function hashWorker(): Worker {
  if (worker === undefined) {
    worker = embeddedWorker('hash', 'logdrop-hash')
      ?? new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'logdrop-hash' });
    worker.onmessage = (e: MessageEvent<HashReply>) => listeners.get(e.data.id)?.(e.data);
  }
  return worker;
}

export const workerHasher: HasherFactory = (): ByteHasher => {
  const w = hashWorker();
  const id = nextId++;
  let sent = 0, hashed = 0;
  let caughtUp: (() => void) | undefined;
  let done: ((hex: string) => void) | undefined;
  listeners.set(id, (r) => {
    hashed = r.hashed;
    if (caughtUp !== undefined && sent - hashed <= MAX_BEHIND / 2) {
      caughtUp();
      caughtUp = undefined;
    }
    if (r.hex !== undefined) {
      listeners.delete(id);
      done?.(r.hex);
    }
  });
  const send = (bytes: Uint8Array) => {
    sent += bytes.length;
    w.postMessage({ id, bytes } satisfies HashRequest, [bytes.buffer as ArrayBuffer]);
  };
  return {
    update(bytes) {
      send(bytes.slice());
    },
    take(bytes) {
      // a view of part of a buffer is copied: transferring the buffer would take bytes it does not own
      send(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice());
    },
    drain() {
      if (sent - hashed <= MAX_BEHIND) return Promise.resolve();
      return new Promise<void>((resolve) => { caughtUp = resolve; });
    },
    hex() {
      return new Promise<string>((resolve) => {
        done = resolve;
        w.postMessage({ id, end: true } satisfies HashRequest);
      });
    },
  };
};
