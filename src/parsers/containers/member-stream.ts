// Turns a pull-based producer of bytes (an archive member, a gunzipped stream) into a ReadableStream.
// Reference: WHATWG Streams https://streams.spec.whatwg.org/#rs-constructor
//
// Example: new MemberStream({ next: async () => null, skipRest: async () => {} }).stream() is empty.
//
// Why: an archive is read in one pass, so a member's bytes must be pulled only when its consumer asks
// (highWaterMark 0: nothing is read ahead) and the archive reader must be able to skip what the
// consumer left unread. Reads and the final skip are serialized so they never interleave.

export interface Producer {
  /** the next non-empty piece, or null at the end; never throws (problems go to onIssue) */
  next(): Promise<Uint8Array | null>;
  /** the consumer is done: move the underlying reader past the rest of this member */
  skipRest(): Promise<void>;
}

export class MemberStream {
  private tail: Promise<unknown> = Promise.resolve();
  private ended = false;
  private finished = false;

  constructor(private readonly producer: Producer) {}

  stream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          const chunk = await this.next();
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
        cancel: () => this.finish(),
      },
      { highWaterMark: 0 },
    );
  }

  next(): Promise<Uint8Array | null> {
    return this.serial(async () => {
      if (this.ended) return null;
      const chunk = await this.producer.next();
      if (!chunk) this.ended = true;
      return chunk;
    });
  }

  /** Skips whatever was not read; safe to call more than once. */
  finish(): Promise<void> {
    return this.serial(async () => {
      // Why even after the end: a producer that stopped early (damage, bomb guard) still has to
      // move its archive past the bytes it did not use.
      if (this.finished) return;
      this.ended = true;
      this.finished = true;
      await this.producer.skipRest();
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
