// Wide values of a text column (chunk format 2). V8 keeps a string in one byte per character unless one of
// its characters is above U+00FF; then the whole string takes two. A chunk's raw text is one joined string,
// so a single wide character in one event (302 of 100,264 Windows records hold one) doubled the memory of
// the whole chunk's raw text. build() therefore moves the values holding such a character into a separate
// joined string (`wide`), and leaves an empty span for those rows in the main text.
// Example: values ['a', 'x→y', 'b'] -> text 'ab', ends [1, 1, 2], wide { rows [1], text 'x→y', ends [3] }.
// Chunks written before format 2 have no `wide`: every reader treats a missing `wide` as no wide rows.

/** Rows (ascending, chunk-local) whose value is wide[i] = text.slice(ends[i-1] ?? 0, ends[i]). */
export interface WideText { rows: Uint32Array; text: string; ends: Uint32Array }

// any character that makes V8 store a string in two bytes per character
const WIDE = /[\u0100-\uffff]/;

/** The joined text holds a character above U+00FF (one scan; no copy). */
export function hasWide(s: string): boolean {
  return WIDE.test(s);
}

/**
 * Splits a text column whose joined text is wide: parts are the appended values in row order (rows without
 * the field appended nothing), ends the end offsets of `joined` for rows [0, n). Returns the narrow text and
 * ends (wide rows left empty) and the wide values.
 */
export function splitWide(parts: readonly string[], ends: Uint32Array, n: number): { text: string; ends: Uint32Array; wide: WideText } {
  const narrow: string[] = [], wideParts: string[] = [], wideRows: number[] = [];
  const isWide = new Uint8Array(n);
  // a non-empty part ends exactly where its row ends (ends rise strictly at rows with a value)
  let offset = 0, row = 0;
  for (const p of parts) {
    if (p.length === 0) continue;
    offset += p.length;
    while (ends[row] !== offset) row++;
    if (WIDE.test(p)) {
      isWide[row] = 1;
      wideRows.push(row);
      wideParts.push(p);
    } else narrow.push(p);
  }
  const narrowEnds = new Uint32Array(n), wideEnds = new Uint32Array(wideParts.length);
  let prev = 0, shift = 0;
  for (let r = 0; r < n; r++) {
    if (isWide[r]) shift += ends[r] - prev;
    prev = ends[r];
    narrowEnds[r] = ends[r] - shift;
  }
  let w = 0;
  for (let i = 0; i < wideParts.length; i++) wideEnds[i] = w += wideParts[i].length;
  return { text: narrow.join(''), ends: narrowEnds, wide: { rows: Uint32Array.from(wideRows), text: wideParts.join(''), ends: wideEnds } };
}

const COPY_BLOCK = 8192;
const copyBuffer = new Uint16Array(COPY_BLOCK);

/**
 * The same text held at one byte a character (`s` must hold no character above U+00FF). A string V8 keeps at
 * two bytes a character stays so even when its characters fit in one: a slice or trim of a value that held a
 * wide character (a path's base name, a value after its U+2002 space is trimmed) is such a string, and joining
 * it with a chunk's other messages made the whole joined text two bytes a character (the Windows bench case:
 * 182 instead of 106 bytes of message per event). String.fromCharCode builds a one-byte string when every code
 * fits. About 2 ns a character; used for the text columns other than raw (built from values the parsers
 * decoded, where this cannot happen, and 15 times the size of a message).
 */
export function oneByteCopy(s: string): string {
  if (s.length <= 16) return s;
  const parts: string[] = [];
  for (let at = 0; at < s.length; at += COPY_BLOCK) {
    const n = Math.min(COPY_BLOCK, s.length - at);
    for (let i = 0; i < n; i++) copyBuffer[i] = s.charCodeAt(at + i);
    // fromCharCode takes the codes as arguments; a typed array serves as the argument list
    parts.push(String.fromCharCode.apply(null, (n === COPY_BLOCK ? copyBuffer : copyBuffer.subarray(0, n)) as unknown as number[]));
  }
  return parts.join('');
}

/** Index into wide.rows of a chunk-local row, or -1 when the row's value is not wide. */
export function wideIndexOf(wide: WideText | undefined, row: number): number {
  if (wide === undefined) return -1;
  const rows = wide.rows;
  let lo = 0, hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = rows[mid];
    if (r < row) lo = mid + 1;
    else if (r > row) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export function wideValue(wide: WideText, i: number): string {
  return wide.text.slice(i === 0 ? 0 : wide.ends[i - 1], wide.ends[i]);
}
