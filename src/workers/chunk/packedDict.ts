// Dictionary columns packed for the trip between workers and into IndexedDB (case schema 4, issue 15).
// A chunk's dictionary entries were an array of ~10,000 strings per column; structured clone (postMessage,
// every IndexedDB put and get) handles each string on its own. Packed, the entries are one joined string
// plus end offsets: one string to clone. Readers that want the array form call unpackChunk; the case index
// reads packed columns directly (query/dictAdopt.ts) and slices only the values it has not seen.
// Example: dict ['sshd', 'CRON'] -> dictText 'sshdCRON', dictEnds [4, 8].
import { CHUNK_FORMAT, type Column, type DictColumn, type EventChunk } from './chunk.ts';
import { packTextColumn, unpackTextColumn, type PackedTextColumn, type TextLike } from './packedText.ts';
import type { CaseDictColumn, LocalDictColumn, StoredCaseColumn } from './caseIds.ts';
import { unspanColumn } from './rawSpans.ts';

/** A DictColumn whose entries are dictText.slice(dictEnds[i - 1] ?? 0, dictEnds[i]) (ids and rows as in DictColumn). */
export type PackedDictColumn = Omit<DictColumn, 'dict'> & { dictText: string; dictEnds: Uint32Array };

/** A column as it travels and is stored: dictionary columns may be packed, and text columns (packedText.ts). */
export type WireColumn = Column | PackedDictColumn | PackedTextColumn | CaseDictColumn | StoredCaseColumn | LocalDictColumn;
export type DictLike = DictColumn | PackedDictColumn;

/** A chunk as it travels between workers and is stored (EventChunk is one: nothing packed). */
export interface WireChunk extends Omit<EventChunk, 'columns'> {
  columns: Record<string, WireColumn>;
  /** events whose parser.name is 'unparsed', set by a builder of case id columns (caseIds.ts) */
  unparsed?: number;
}

export function isPacked(col: WireColumn): col is PackedDictColumn {
  return col.kind === 'dict' && 'dictEnds' in col && !('caseFrom' in col);
}

/** A column of case ids (caseIds.ts): read only with the case's dictionary. */
function isCaseIds(col: WireColumn): col is CaseDictColumn | StoredCaseColumn {
  return col.kind === 'dict' && ('caseFrom' in col || 'caseIds' in col);
}

function isPackedText(col: WireColumn): col is PackedTextColumn {
  return col.kind === 'text' && 'textBytes' in col;
}

/** Number of dictionary entries. */
export function dictSize(col: DictLike): number {
  return 'dictEnds' in col ? col.dictEnds.length : col.dict.length;
}

/** Entry i (0-based) of a dictionary column, packed or not. */
export function dictEntry(col: DictLike, i: number): string {
  if (!('dictEnds' in col)) return col.dict[i];
  return col.dictText.slice(i === 0 ? 0 : col.dictEnds[i - 1], col.dictEnds[i]);
}

/** Total characters of the entries (the size estimate counts 2 bytes a character, packed or not). */
export function dictChars(col: DictLike): number {
  if ('dictEnds' in col) return col.dictText.length;
  let n = 0;
  for (const s of col.dict) n += s.length;
  return n;
}

function packColumn(col: DictColumn): PackedDictColumn {
  const { dict, ...rest } = col;
  const dictEnds = new Uint32Array(dict.length);
  let at = 0;
  for (let i = 0; i < dict.length; i++) dictEnds[i] = at += dict[i].length;
  return { ...rest, dictText: dict.join(''), dictEnds };
}

function unpackColumn(col: PackedDictColumn): DictColumn {
  // a chunk-local column of a case-id ingest (caseIds.ts LocalDictColumn) reads as any packed column
  const { dictText: _text, dictEnds: _ends, kind, ids, local: _local, ...rest } = col as PackedDictColumn & { local?: true };
  const dict: string[] = new Array<string>(col.dictEnds.length);
  for (let i = 0; i < dict.length; i++) dict[i] = dictEntry(col, i);
  // the array form's key order (kind, dict, ids, then the rest): a hand-over file stays what it was
  return { kind, dict, ids, ...rest };
}

/**
 * The chunk with its dictionary columns packed, and its text columns as bytes when the chunk's format says
 * their joined text holds no character above U+00FF (format 2 on: packedText.ts). A packed column is kept as it is.
 */
export function packChunk(chunk: WireChunk): WireChunk {
  let columns: Record<string, WireColumn> | undefined;
  const narrowText = (chunk.format ?? 1) >= 2;
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    const packDict = col.kind === 'dict' && !isPacked(col) && !isCaseIds(col);
    const packText = narrowText && col.kind === 'text' && !isPackedText(col);
    if (!packDict && !packText) continue;
    // a null-prototype copy like the builder's: field names come from log text ('__proto__' must stay a key)
    columns ??= Object.assign(Object.create(null) as Record<string, WireColumn>, chunk.columns);
    columns[name] = packDict ? packColumn(col as DictColumn) : packTextColumn(col as Column & { kind: 'text' });
  }
  return columns === undefined ? chunk : { ...chunk, columns };
}

/**
 * The chunk in the array form every reader of EventChunk expects (a chunk with nothing packed is returned as is).
 * Spans of raw (format 4, rawSpans.ts) are written out as the columns' own text: the result is the format 3
 * chunk a builder without spans makes, so a hand-over file or a re-timed chunk is what it was before format 4.
 */
export function unpackChunk(chunk: WireChunk): EventChunk {
  let columns: Record<string, Column> | undefined;
  let spanned = false;
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    if (isCaseIds(col)) throw new Error(`bug: column ${name} holds case ids: read it with the case's dictionary (store/caseDict.ts)`);
    if (!isPacked(col) && !isPackedText(col)) continue;
    columns ??= Object.assign(Object.create(null) as Record<string, Column>, chunk.columns as Record<string, Column>);
    if (isPackedText(col) && col.spans !== undefined) {
      spanned = true;
      columns[name] = unpackTextColumn(unspanColumn(col, rawOf(chunk), chunk.count));
    } else columns[name] = isPacked(col) ? unpackColumn(col) : unpackTextColumn(col);
  }
  if (columns === undefined) return chunk as EventChunk;
  return spanned ? { ...chunk, format: CHUNK_FORMAT, columns } : { ...chunk, columns };
}

/** The chunk's raw column as it travels (spans are read from it). */
export function rawOf(chunk: WireChunk): TextLike | undefined {
  const raw = chunk.columns.raw as WireColumn | undefined;
  return raw?.kind === 'text' ? raw : undefined;
}

/** The typed-array buffers of a packed chunk's columns, to transfer rather than copy between workers. */
export function wireBuffers(chunk: WireChunk): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    for (const v of Object.values(col) as unknown[]) {
      if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteLength > 0) out.add(v.buffer);
      else if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) {
        // a text column's `wide` part (format 2) or `spans` (format 4)
        for (const w of Object.values(v) as unknown[]) if (ArrayBuffer.isView(w) && w.buffer instanceof ArrayBuffer && w.byteLength > 0) out.add(w.buffer);
      }
    }
  }
  return [...out];
}
