// Splits a byte stream into lines ('\n' kept out), without decoding: the hand-over reader hashes the exact
// bytes. Holds only the current line's pieces. A first line longer than `firstLineMax` is yielded unended at
// once (a foreign file without line breaks is never read whole into memory).

export async function* byteLines(stream: ReadableStream<Uint8Array>, firstLineMax = Infinity): AsyncGenerator<{ bytes: Uint8Array; ended: boolean }> {
  let first = true;
  const reader = stream.getReader();
  let parts: Uint8Array[] = [];
  let partLen = 0;
  const take = (tail: Uint8Array): Uint8Array => {
    if (parts.length === 0) return tail;
    const out = new Uint8Array(partLen + tail.length);
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    out.set(tail, at);
    parts = [];
    partLen = 0;
    return out;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let from = 0;
      for (let nl = value.indexOf(10, from); nl !== -1; nl = value.indexOf(10, from)) {
        yield { bytes: take(value.subarray(from, nl)), ended: true };
        first = false;
        from = nl + 1;
      }
      if (from < value.length) { parts.push(value.slice(from)); partLen += value.length - from; }
      if (first && partLen > firstLineMax) {
        yield { bytes: take(new Uint8Array(0)), ended: false };
        return;
      }
    }
    // a last line without its '\n': the file was cut
    if (partLen > 0) yield { bytes: take(new Uint8Array(0)), ended: false };
  } finally {
    reader.releaseLock();
  }
}
