// TextSegment reads a packed chunk column's bytes only when a value is really there: an empty value needs no text.
// A field catalog samples text fields row by row; over a mostly empty column (parse.error on a clean case) every
// empty row used to decode, and keep, its whole chunk's joined text (EVTX: ~1.5 MB of XML per chunk).
import { describe, expect, it } from 'vitest';
import { TextSegment } from '../../../src/workers/query/fields.ts';
import type { PackedTextColumn } from '../../../src/workers/chunk/packedText.ts';

/** A packed column whose bytes count how often they are read (textOf reads textBytes once per decode). */
function countingColumn(values: string[]): { col: PackedTextColumn; reads: () => number } {
  const text = values.join('');
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  const ends = new Uint32Array(values.length);
  let at = 0;
  values.forEach((v, i) => { at += v.length; ends[i] = at; });
  let reads = 0;
  const col = { ends, ascii: true, get textBytes() { reads++; return bytes; } } as PackedTextColumn;
  return { col, reads: () => reads };
}

describe('TextSegment over packed bytes', () => {
  it('answers an empty value without decoding the chunk', () => {
    const { col, reads } = countingColumn(['', '', 'disk full', '']);
    const seg = new TextSegment(0, 4, col, col.ends);
    // the constructor may look at the bytes' length (a column of spans only keeps none); decoding reads them again
    const atStart = reads();
    expect(seg.valueAt(0)).toBe('');
    expect(seg.valueAt(3)).toBe('');
    expect(seg.has(1)).toBe(false);
    expect(reads()).toBe(atStart);
    expect(seg.valueAt(2)).toBe('disk full');
    expect(reads()).toBe(atStart + 1);
    expect(seg.valueAt(2)).toBe('disk full');
    expect(reads()).toBe(atStart + 1);
  });
});
