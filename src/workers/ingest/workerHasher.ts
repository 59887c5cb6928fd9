// The browser's HasherFactory: hashes in a hash worker started by the ingest worker. Each chunk is copied once
// (the parser still reads the original) and the copy is transferred, not cloned again.
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
  return {
    update(bytes) {
      const copy = bytes.slice();
      sent += copy.length;
      w.postMessage({ id, bytes: copy } satisfies HashRequest, [copy.buffer]);
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
