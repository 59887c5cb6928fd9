// What a chunk holds, in a few numbers: its unparsed records and its size. Counted by the ingest (before a
// chunk's buffers are transferred) and written beside each chunk by the store (store/chunkMeta.ts).
import { dictChars, dictEntry, dictSize, type WireChunk } from './packedDict.ts';
import { textLength } from './packedText.ts';

/** Events of the chunk whose parser.name is 'unparsed' (a flag per dictionary entry, then an id count). */
export function unparsedIn(chunk: WireChunk): number {
  // a builder of case ids counted them (caseIds.ts): its ids cannot be read without the case's dictionary
  if (chunk.unparsed !== undefined) return chunk.unparsed;
  const col = chunk.columns['parser.name'];
  if (col === undefined || col.kind !== 'dict') return 0;
  if ('caseIds' in col || 'caseFrom' in col) throw new Error('bug: a chunk of case ids without its unparsed count');
  // an entry may repeat (see DictColumn): flag every entry holding the value
  const size = dictSize(col);
  const flags = new Uint8Array(size + 1);
  let any = false;
  for (let i = 0; i < size; i++) {
    if (dictEntry(col, i) !== 'unparsed') continue;
    any = true;
    flags[i + 1] = 1;
  }
  if (!any) return 0;
  // a sparse column (format 3) has entries for its present rows only: count over the entries
  let n = 0;
  const ids = col.ids, end = col.rows === undefined ? chunk.count : ids.length;
  for (let i = 0; i < end; i++) n += flags[ids[i]];
  return n;
}

/** An estimate, not the browser's figure: typed arrays by their bytes, strings at 2 bytes a character. */
export function chunkBytes(chunk: WireChunk): number {
  let bytes = 0;
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    bytes += name.length * 2;
    if (col.kind !== 'text' && col.rows !== undefined) bytes += col.rows.byteLength;
    if (col.kind === 'num') bytes += col.values.byteLength;
    else if (col.kind === 'text') {
      bytes += col.ends.byteLength + textLength(col) * 2;
      if (col.wide !== undefined) bytes += col.wide.rows.byteLength + col.wide.ends.byteLength + col.wide.text.length * 2;
      if ('spans' in col && col.spans !== undefined) bytes += col.spans.start.byteLength + col.spans.length.byteLength;
    }
    else if ('caseIds' in col) bytes += col.ids.byteLength; // its values are in the case's dictionary
    else if ('caseFrom' in col) bytes += col.ids.byteLength + col.dictText.length * 2 + col.dictEnds.length * 8;
    else {
      // packed or not, the same figure: 2 bytes a character and 8 per entry
      bytes += col.ids.byteLength + dictChars(col) * 2 + dictSize(col) * 8;
    }
  }
  return bytes;
}
