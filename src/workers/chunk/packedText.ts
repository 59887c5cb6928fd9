// Text columns as bytes for the trip between workers and into IndexedDB (case schema 5, issue 15).
// Structured clone (postMessage, every IndexedDB put and get) copies a string character by character into a
// new heap string: measured in Node, ~7 ms of CPU per MB of joined raw text each way against ~0.1 ms for a
// typed array, and a 1M-event reopen spent a third of its engine time there. Since chunk format 2 a text
// column's joined `text` holds no character above U+00FF (wider values are in `wide`), so one byte per
// character holds it exactly: `textBytes[i]` = text.charCodeAt(i). The case index keeps the bytes and makes
// the string only when a search or a page first reads the chunk's text (query/fields.ts TextSegment).
// Example: text 'sshdcafé' -> textBytes [0x73 0x73 0x68 0x64 0x63 0x61 0x66 0xe9], ascii false.
import type { TextColumn } from './chunk.ts';
import type { RawSpans } from './rawSpans.ts';

/** A TextColumn whose joined text is textBytes as Latin-1 (ends and wide as in TextColumn). */
export type PackedTextColumn = Omit<TextColumn, 'text'> & {
  textBytes: Uint8Array;
  /** every byte is below 0x80: the UTF-8 decoder (native, fast) reads them as they are */
  ascii: boolean;
  /** chunk format 4: rows whose value is a span of the row's raw value (rawSpans.ts); their own span is empty */
  spans?: RawSpans;
};

export type TextLike = TextColumn | PackedTextColumn;

const encoder = new TextEncoder();
const utf8 = new TextDecoder();

/** Packs a column whose text holds no character above U+00FF (chunk format 2 and later). */
export function packTextColumn(col: TextColumn): PackedTextColumn {
  const { text, ...rest } = col;
  const bytes = new Uint8Array(text.length);
  // ASCII text (most logs): the native encoder writes one byte a character and reads the whole string
  const done = encoder.encodeInto(text, bytes);
  const ascii = done.read === text.length && done.written === text.length;
  if (!ascii) for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return { ...rest, textBytes: bytes, ascii };
}

/** Block size of the Latin-1 decoding below: fromCharCode takes the codes as an argument list. */
const BLOCK = 8192;

/** The joined text of a column, packed or not. */
export function textOf(col: TextLike): string {
  if (!('textBytes' in col)) return col.text;
  return latin1Text(col.textBytes, col.ascii);
}

/** Latin-1 bytes (one a character, as a packed column holds them) as a string; `ascii`: every byte below 0x80. */
export function latin1Text(bytes: Uint8Array, ascii: boolean): string {
  if (ascii) return utf8.decode(bytes);
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += BLOCK) {
    // codes up to 0xff: a one-byte string, as the builder made it (chunk/wideText.ts oneByteCopy)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(at, at + BLOCK) as unknown as number[]));
  }
  return parts.join('');
}

/** Characters of the joined text (the size estimate counts 2 bytes a character, packed or not). */
export function textLength(col: TextLike): number {
  return 'textBytes' in col ? col.textBytes.length : col.text.length;
}

/** The column with its text as a string (the form every reader of EventChunk expects), key order kept. */
export function unpackTextColumn(col: PackedTextColumn): TextColumn {
  const { textBytes: _bytes, ascii: _ascii, kind, ends, ...rest } = col;
  return { kind, text: textOf(col), ends, ...rest };
}
