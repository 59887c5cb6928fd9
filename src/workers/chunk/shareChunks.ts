// Small files' chunks joined into one shared chunk (runs.ts, case schema 10, issue 9 item 11), as the ingest
// worker builds them: an archive of 10,000 two-line members made 10,000 chunks, each a message to the engine,
// an index append and an IndexedDB record. The members' rows go one member after another; every column is the
// members' columns end to end, a member without the column giving absent rows (id 0, NaN, no text). Each row
// keeps its own col.file, parser.name and parser.version (ordinary columns of a built chunk), so it still says
// its file. Only what is provably exact is joined: a chunk whose columns cannot be (a field kept case-wide in
// one member and chunk-local in the next, case ids not continuing where the previous member's stopped, a form
// not listed below) is refused, and the caller sends what it holds first.
// Example: members 7 (2 rows, app sshd) and 8 (3 rows, no app) -> 5 rows, app ids [1, 1, 0, 0, 0] (sparse
// form, as the builder would keep it), runs [{ 7, 0, 2 }, { 8, 0, 3 }], fileId 7, seq -1.
import type { DictColumn, NumColumn } from './chunk.ts';
import type { PackedDictColumn, WireChunk, WireColumn } from './packedDict.ts';
import type { PackedTextColumn } from './packedText.ts';
import { isCaseColumn, isLocalColumn, isStoredCaseColumn, narrowIds, type CaseDictColumn, type LocalDictColumn } from './caseIds.ts';
import { sparseIds, sparseValues } from './sparse.ts';
import { narrowest, SPANS_FORMAT, type RawSpans } from './rawSpans.ts';
import { sharedSeq, type ChunkRun } from './runs.ts';
import { unparsedIn } from './measure.ts';

/** rows of a shared chunk: the store never makes it a body file, and LedgerBatch groups it as small */
export const SHARED_MAX_ROWS = 1_000;
/** members of a shared chunk */
export const SHARED_MAX_RUNS = 32;

/** The chunk formats joined (format 3, and 4 with spans of raw): older ones are not built any more. */
const JOINED_FORMATS = new Set([3, SPANS_FORMAT]);

/** The forms a column can be joined in (a field keeps its form across the members joined). */
type Form = 'num' | 'text' | 'case' | 'local' | 'packed' | 'plain';

function formOf(col: WireColumn): Form | undefined {
  if (col.kind === 'num') return 'num';
  if (col.kind === 'text') return 'textBytes' in col ? 'text' : undefined; // string text: not built by the worker
  if (isStoredCaseColumn(col)) return undefined;
  if (isCaseColumn(col)) return 'case';
  if (isLocalColumn(col)) return 'local';
  return 'dictEnds' in col ? 'packed' : 'plain';
}

/**
 * Members' chunks taken one by one (canTake, add) and joined by take(). A single chunk is given back as it is:
 * a shared chunk of one member would only be a chunk under another key.
 */
export class SharedChunkJoin {
  private parts: WireChunk[] = [];
  private rows = 0;
  private readonly forms = new Map<string, Form>();
  /** per case field: the id its next values must start after (the previous member's caseFrom + entries) */
  private readonly caseNext = new Map<string, number>();
  private readonly keys = new Set<string>();

  get size(): number {
    return this.parts.length;
  }

  /** No member can be added any more. */
  get full(): boolean {
    return this.parts.length >= SHARED_MAX_RUNS || this.rows >= SHARED_MAX_ROWS;
  }

  /** The chunk can be added to what is held (with nothing held: it can be joined at all). */
  canTake(chunk: WireChunk): boolean {
    if (this.full || chunk.runs !== undefined || chunk.count === 0 || this.rows + chunk.count > SHARED_MAX_ROWS) return false;
    if (!JOINED_FORMATS.has(chunk.format ?? 1) || this.keys.has(keyOf(chunk))) return false;
    for (const name in chunk.columns) {
      const col = chunk.columns[name];
      const form = formOf(col);
      if (form === undefined) return false;
      const held = this.forms.get(name);
      if (held !== undefined && held !== form) return false;
      if (form === 'case') {
        const next = this.caseNext.get(name);
        if (next !== undefined && next !== (col as CaseDictColumn).caseFrom) return false;
      }
    }
    return true;
  }

  add(chunk: WireChunk): void {
    if (!this.canTake(chunk)) throw new Error('bug: a chunk added to a shared chunk it cannot join');
    this.parts.push(chunk);
    this.rows += chunk.count;
    this.keys.add(keyOf(chunk));
    for (const name in chunk.columns) {
      const col = chunk.columns[name];
      this.forms.set(name, formOf(col) as Form);
      if (isCaseColumn(col)) this.caseNext.set(name, col.caseFrom + col.dictEnds.length);
    }
  }

  /** The chunks added since the last take, joined (one chunk: itself); undefined when none was. */
  take(): WireChunk | undefined {
    const parts = this.parts;
    this.parts = [];
    this.rows = 0;
    this.forms.clear();
    this.caseNext.clear();
    this.keys.clear();
    if (parts.length <= 1) return parts[0];
    return joinChunks(parts);
  }
}

function keyOf(chunk: WireChunk): string {
  return `${chunk.fileId}/${chunk.seq}`;
}

/** Where each part's rows start in the joined chunk, and the joined row count. */
interface Layout { parts: readonly WireChunk[]; starts: number[]; count: number }

/** The parts (checked by SharedChunkJoin) as one shared chunk. */
function joinChunks(parts: readonly WireChunk[]): WireChunk {
  const starts: number[] = [];
  let count = 0;
  for (const p of parts) {
    starts.push(count);
    count += p.count;
  }
  const layout: Layout = { parts, starts, count };
  const runs: ChunkRun[] = parts.map((p) => ({ fileId: p.fileId, seq: p.seq, count: p.count, unparsed: unparsedIn(p) }));
  // field names come from log text ('__proto__' must stay a key): a null-prototype object, as the builder's
  const columns = Object.create(null) as WireChunk['columns'];
  for (const p of parts) {
    for (const name in p.columns) {
      if (name in columns) continue;
      columns[name] = joinColumn(layout, name, formOf(p.columns[name]) as Form);
    }
  }
  let format = 3;
  for (const p of parts) format = Math.max(format, p.format ?? 1);
  const unparsed = runs.reduce((n, r) => n + r.unparsed, 0);
  return { format, fileId: runs[0].fileId, seq: sharedSeq(runs[0]), count, runs, columns, unparsed };
}

function joinColumn(layout: Layout, name: string, form: Form): WireColumn {
  const cols = layout.parts.map((p) => p.columns[name] as WireColumn | undefined);
  if (form === 'num') return joinNum(layout, cols as (NumColumn | undefined)[]);
  if (form === 'text') return joinText(layout, cols as (PackedTextColumn | undefined)[]);
  if (form === 'case') return joinCase(layout, cols as (CaseDictColumn | undefined)[]);
  if (form === 'plain') return joinPlain(layout, cols as (DictColumn | undefined)[]);
  return joinPackedDict(layout, cols as (LocalDictColumn | PackedDictColumn | undefined)[], form === 'local');
}

/** Each part's entries (ids of a dense or sparse column) written at its rows of a dense array, id + shift. */
function denseJoin(layout: Layout, cols: readonly ({ ids: ArrayLike<number>; rows?: Uint32Array } | undefined)[], shifts: readonly number[]): Uint32Array {
  const out = new Uint32Array(layout.count);
  cols.forEach((col, i) => {
    if (col === undefined) return;
    const at = layout.starts[i], shift = shifts[i], ids = col.ids;
    if (col.rows === undefined) {
      for (let r = 0; r < ids.length; r++) out[at + r] = ids[r] === 0 ? 0 : ids[r] + shift;
    } else {
      for (let e = 0; e < col.rows.length; e++) out[at + col.rows[e]] = ids[e] === 0 ? 0 : ids[e] + shift;
    }
  });
  return out;
}

function joinNum(layout: Layout, cols: readonly (NumColumn | undefined)[]): NumColumn {
  const out = new Float64Array(layout.count).fill(NaN);
  cols.forEach((col, i) => {
    if (col === undefined) return;
    const at = layout.starts[i];
    if (col.rows === undefined) out.set(col.values, at);
    else for (let e = 0; e < col.rows.length; e++) out[at + col.rows[e]] = col.values[e];
  });
  // dense or sparse by the builder's rule (sparse.ts)
  const sparse = sparseValues(out, layout.count);
  return sparse === undefined ? { kind: 'num', values: out } : { kind: 'num', values: sparse.values, rows: sparse.rows };
}

/** Case ids are the ingest's own: kept as they are; the entries continue from the first part's caseFrom. */
function joinCase(layout: Layout, cols: readonly (CaseDictColumn | undefined)[]): CaseDictColumn {
  const present = cols.filter((c): c is CaseDictColumn => c !== undefined);
  const { text, ends } = joinEntries(present);
  const caseFrom = present[0].caseFrom;
  const ids = denseJoin(layout, cols, cols.map(() => 0));
  // as narrow as the field's size after the last part (chunk.ts finish: narrowIds over the field's size)
  const size = caseFrom + ends.length;
  const sparse = sparseIds(ids, layout.count);
  return sparse === undefined
    ? { kind: 'dict', caseFrom, dictText: text, dictEnds: ends, ids: narrowIds(ids, layout.count, size) }
    : { kind: 'dict', caseFrom, dictText: text, dictEnds: ends, ids: narrowIds(sparse.ids, sparse.ids.length, size), rows: sparse.rows };
}

/** A chunk dictionary per part: entries end to end (they may repeat, as a chunk's may), ids moved past the earlier parts'. */
function joinPackedDict(layout: Layout, cols: readonly (LocalDictColumn | PackedDictColumn | undefined)[], local: boolean): LocalDictColumn | PackedDictColumn {
  const present = cols.filter((c): c is LocalDictColumn | PackedDictColumn => c !== undefined);
  const { text, ends } = joinEntries(present);
  const shifts = entryShifts(cols.map((c) => (c === undefined ? 0 : c.dictEnds.length)));
  const ids = denseJoin(layout, cols, shifts);
  const sparse = sparseIds(ids, layout.count);
  const idsAndRows = sparse === undefined ? { ids } : { ids: sparse.ids, rows: sparse.rows };
  // key order as the builder (chunk.ts localColumn) and packColumn make them
  return local ? { kind: 'dict', local: true, dictText: text, dictEnds: ends, ...idsAndRows } : { kind: 'dict', ...idsAndRows, dictText: text, dictEnds: ends };
}

/** The template miner's columns (ingest/templates.ts): string entries end to end, ids moved past the earlier parts'. */
function joinPlain(layout: Layout, cols: readonly (DictColumn | undefined)[]): DictColumn {
  const dict: string[] = [];
  for (const c of cols) if (c !== undefined) for (const v of c.dict) dict.push(v);
  const ids = denseJoin(layout, cols, entryShifts(cols.map((c) => (c === undefined ? 0 : c.dict.length))));
  const sparse = sparseIds(ids, layout.count);
  return sparse === undefined ? { kind: 'dict', dict, ids } : { kind: 'dict', dict, ids: sparse.ids, rows: sparse.rows };
}

function entryShifts(sizes: readonly number[]): number[] {
  let at = 0;
  return sizes.map((n) => {
    const shift = at;
    at += n;
    return shift;
  });
}

function joinEntries(cols: readonly { dictText: string; dictEnds: Uint32Array }[]): { text: string; ends: Uint32Array } {
  let n = 0;
  for (const c of cols) n += c.dictEnds.length;
  const ends = new Uint32Array(n);
  let at = 0, chars = 0;
  for (const c of cols) {
    for (let i = 0; i < c.dictEnds.length; i++) ends[at++] = chars + c.dictEnds[i];
    chars += c.dictText.length;
  }
  return { text: cols.map((c) => c.dictText).join(''), ends };
}

/**
 * Text as bytes (packedText.ts): bytes end to end, ends moved by the bytes before; wide values (wideText.ts) and
 * spans of raw (rawSpans.ts, relative to the row's own raw, which moves with it) at their rows' new places.
 */
function joinText(layout: Layout, cols: readonly (PackedTextColumn | undefined)[]): PackedTextColumn {
  let bytes = 0, wideCount = 0, wideChars = 0, ascii = true, spanned = false;
  for (const c of cols) {
    if (c === undefined) continue;
    bytes += c.textBytes.length;
    if (!c.ascii) ascii = false;
    if (c.wide !== undefined) {
      wideCount += c.wide.rows.length;
      wideChars += c.wide.text.length;
    }
    if (c.spans !== undefined) spanned = true;
  }
  const textBytes = new Uint8Array(bytes), ends = new Uint32Array(layout.count);
  const wideRows = new Uint32Array(wideCount), wideEnds = new Uint32Array(wideCount), wideTexts: string[] = [];
  const spanStart = spanned ? new Uint32Array(layout.count) : undefined, spanLength = spanned ? new Uint32Array(layout.count) : undefined;
  let byteAt = 0, wideAt = 0, wideCharAt = 0;
  cols.forEach((c, i) => {
    const at = layout.starts[i], n = layout.parts[i].count;
    if (c === undefined) {
      ends.fill(byteAt, at, at + n); // rows without the field: empty, as the builder leaves them
      return;
    }
    textBytes.set(c.textBytes, byteAt);
    for (let r = 0; r < n; r++) ends[at + r] = byteAt + c.ends[r];
    byteAt += c.textBytes.length;
    if (c.wide !== undefined) {
      for (let w = 0; w < c.wide.rows.length; w++) {
        wideRows[wideAt] = at + c.wide.rows[w];
        wideEnds[wideAt++] = wideCharAt + c.wide.ends[w];
      }
      wideCharAt += c.wide.text.length;
      wideTexts.push(c.wide.text);
    }
    if (c.spans !== undefined && spanStart !== undefined && spanLength !== undefined) {
      for (let r = 0; r < n; r++) {
        spanStart[at + r] = c.spans.start[r];
        spanLength[at + r] = c.spans.length[r];
      }
    }
  });
  if (wideCharAt !== wideChars) throw new Error('bug: wide text joined short');
  const wide = wideCount === 0 ? undefined : { rows: wideRows, text: wideTexts.join(''), ends: wideEnds };
  // key order as byteText.ts finishBytes (and chunk.ts buildWire for spans) make it
  const col: PackedTextColumn = wide === undefined ? { kind: 'text', ends, textBytes, ascii } : { kind: 'text', ends, wide, textBytes, ascii };
  if (spanStart !== undefined && spanLength !== undefined) {
    const spans: RawSpans = { start: narrowest(spanStart, layout.count), length: narrowest(spanLength, layout.count) };
    return { ...col, spans };
  }
  return col;
}
