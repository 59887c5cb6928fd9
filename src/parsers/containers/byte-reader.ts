// A pull-based byte cursor over a ReadableStream<Uint8Array>, for the archive readers.
// Reference: WHATWG Streams https://streams.spec.whatwg.org/#default-reader-class
//
// Example: const r = new ByteReader(file.stream()); await r.fill(512); const header = r.take(512);
//
// Why: archive formats need "exactly n bytes" (headers) and "the next n bytes, in pieces" (member
// data) while the source arrives in chunks of any size. Only what a header needs is ever buffered,
// so a 2 GB archive streams through. A failing source (a File that became unreadable) is read as an
// early end, and the error is kept in `readError` for the caller to report: bad input is a value.

export class ByteReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private done = false;
  /** bytes handed out or skipped so far: the offset of the next byte in the source */
  position = 0;
  /** why the source stopped early, if it failed (not set for a normal end) */
  readError: string | undefined;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
  }

  /** bytes buffered and not yet consumed */
  get available(): number {
    return this.buffered;
  }

  /** true when the source is exhausted and nothing is buffered */
  get atEnd(): boolean {
    return this.done && this.buffered === 0;
  }

  /** Buffers at least n bytes; false if the source ends (or fails) first. */
  async fill(n: number): Promise<boolean> {
    while (this.buffered < n && !this.done) await this.pullOne();
    return this.buffered >= n;
  }

  /** The first n buffered bytes without consuming them (n <= available). */
  peek(n: number): Uint8Array {
    const first = this.chunks[0];
    if (first && first.length >= n) return first.subarray(0, n);
    const out = new Uint8Array(n);
    let o = 0;
    for (const c of this.chunks) {
      if (o >= n) break;
      const part = c.subarray(0, Math.min(c.length, n - o));
      out.set(part, o);
      o += part.length;
    }
    return out;
  }

  /** Consumes n buffered bytes (n <= available) and returns them. */
  take(n: number): Uint8Array {
    const out = this.peek(n);
    this.drop(n);
    return out;
  }

  /** Returns the next piece of at most `max` bytes (buffered first, else one source chunk); null at the end. */
  async read(max: number): Promise<Uint8Array | null> {
    if (this.buffered === 0) {
      if (this.done) return null;
      await this.pullOne();
      if (this.buffered === 0) return null;
    }
    const first = this.chunks[0];
    const n = Math.min(max, first.length);
    const out = first.subarray(0, n);
    this.drop(n);
    return out;
  }

  /**
   * Returns exactly n bytes (fewer only at the end of the source), null at the end. Why beside
   * read(): decompressors fed fixed-size pieces behave the same whatever the source's chunk size.
   */
  async readFull(n: number): Promise<Uint8Array | null> {
    await this.fill(n);
    if (this.buffered === 0) return null;
    return this.take(Math.min(n, this.buffered));
  }

  /** Skips up to n bytes; returns how many were skipped (fewer only at the end of the source). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      const piece = await this.read(left);
      if (!piece) break;
      left -= piece.length;
    }
    return n - left;
  }

  /** Stops reading the source (the rest is not needed). Never throws. */
  async cancel(): Promise<void> {
    this.done = true;
    this.chunks = [];
    this.buffered = 0;
    try {
      await this.reader.cancel();
    } catch {
      // the source is already closed or errored: nothing left to release
    }
  }

  private drop(n: number): void {
    let left = n;
    this.buffered -= n;
    this.position += n;
    while (left > 0) {
      const c = this.chunks[0];
      if (c.length <= left) {
        this.chunks.shift();
        left -= c.length;
      } else {
        this.chunks[0] = c.subarray(left);
        left = 0;
      }
    }
  }

  private async pullOne(): Promise<void> {
    try {
      const { done, value } = await this.reader.read();
      if (done) {
        this.done = true;
        return;
      }
      if (value && value.length > 0) {
        this.chunks.push(value);
        this.buffered += value.length;
      }
    } catch (e) {
      this.done = true;
      this.readError = e instanceof Error ? e.message : String(e);
    }
  }
}
