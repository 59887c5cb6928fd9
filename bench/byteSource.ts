// A file already in memory, in the shape ingestFile reads a dropped file: for the Node benches (no imports, so a
// bench that measures another checkout's ingest loads nothing of this one).
/** A file already in memory as ingestFile reads a dropped one: streamed in 1 MiB pieces. */
export function byteSource(path: string, bytes: Uint8Array) {
  return {
    path, lastModified: Date.UTC(2026, 5, 1),
    open: () => new ReadableStream<Uint8Array>({
      start(c) {
        for (let at = 0; at < bytes.length; at += 1 << 20) c.enqueue(bytes.subarray(at, at + (1 << 20)));
        c.close();
      },
    }),
  };
}
