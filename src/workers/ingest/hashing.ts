// How a file's bytes are hashed while they stream: in this thread (Node: tests and the CLI), or in a hash
// worker beside the ingest worker (the browser) so SHA-256 runs on another core instead of slowing parsing.
import { Sha256 } from '../../core/hash/sha256.ts';

export interface ByteHasher {
  /** the bytes are only read during the call (a worker hasher copies them): the caller may reuse them */
  update(bytes: Uint8Array): void;
  /**
   * Like update, but the hasher may keep the bytes (a worker hasher transfers them instead of copying): the
   * caller never reads them again. Absent: update is used.
   */
  take?(bytes: Uint8Array): void;
  /** awaited between reads: a hasher that falls behind holds the reader back so queued copies stay bounded */
  drain?(): Promise<void>;
  /** the hex digest; after it, the hasher is done */
  hex(): Promise<string>;
  /** the digest is not wanted (the file failed or was cancelled): the hasher is done. Absent: hex() is called */
  abandon?(): void;
}

/**
 * `whole`: the file's bytes as a Blob, when the stream is exactly that Blob. A hasher that can read it itself
 * (the hash worker) then ignores update/take, so no read is copied or posted for the hash.
 */
export type HasherFactory = (whole?: Blob) => ByteHasher;

export const inThreadHasher: HasherFactory = () => {
  const h = new Sha256();
  return {
    update: (bytes) => void h.update(bytes),
    hex: async () => h.hex(),
  };
};
