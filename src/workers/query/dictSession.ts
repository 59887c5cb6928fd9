// The engine's side of an ingest whose chunks carry case ids (chunk/caseIds.ts). At the start it takes a
// snapshot of the index's dictionary for the ingest worker; each chunk that comes back is resolved before it
// is written: its new values are added to the index's fields and its columns become StoredCaseColumns.
// Usually nothing else added values to the case meanwhile, so a new value's id is the next id of the field:
// it is appended as it is (no lookup) and the chunk's ids are kept as they are (no pass over the rows).
// When something else did (a live-follow poll between two chunks, another path that builds its own chunks),
// the values from then on are looked up (interned) and only the ids past that point go through a small table.
// If the index itself was replaced (rebuilt from the store), every id is resolved by its value.
// A field the worker does not keep case-wide (chunk/caseFieldBudget.ts) comes as a chunk dictionary
// (LocalDictColumn): its values are interned here and it is stored as case ids like the others, so a reopen
// still copies ids and looks nothing up.
import type { CaseIndex } from './caseIndex.ts';
import type { DictField } from './fields.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import {
  idWidth, isCaseColumn, isLocalColumn, narrowIds, valueOfRun, type CaseDictColumn, type DictSnapshot, type IdArray, type LocalDictColumn,
  type StoredCaseColumn,
} from '../chunk/caseIds.ts';

interface SessionField {
  /** the snapshot's values of the field: ids 1 .. snapSize */
  snapAt: number;
  snapSize: number;
  /** values the chunks brought, in order: ids snapSize + 1, ... */
  received: string[];
  /** ids up to this one are the index's own ids */
  trusted: number;
  /** past `trusted`: the index's id of each of the worker's ids (0 = not resolved yet) */
  map: Uint32Array;
}

export class DictSession {
  readonly snapshot: DictSnapshot;
  private readonly snapAt = new Map<string, number>();
  private readonly fields = new Map<string, SessionField>();
  /** fields whose chunk-local columns were interned (their value Maps are let go at the end) */
  private readonly interned = new Set<string>();
  /** the index the snapshot was taken from */
  private readonly original: CaseIndex;

  constructor(private index: CaseIndex) {
    this.original = index;
    this.snapshot = index.dictSnapshot();
    this.snapshot.fields.forEach((f, i) => this.snapAt.set(f, i));
  }

  /** The chunk with its case-id columns resolved against `index` (the open case's index now). */
  resolve(chunk: WireChunk, index: CaseIndex): WireChunk {
    let columns: WireChunk['columns'] | undefined;
    for (const name in chunk.columns) {
      const col = chunk.columns[name];
      const local = isLocalColumn(col);
      if (!local && !isCaseColumn(col)) continue;
      if (columns === undefined) {
        if (index !== this.index) this.switchTo(index);
        // fields are created in the chunk's column order, as addChunk would create them
        index.ensureFields(chunk);
        columns = Object.assign(Object.create(null) as WireChunk['columns'], chunk.columns);
      }
      const field = index.field(name);
      if (field === undefined || field.kind !== 'dict') throw new Error(`bug: ${name} is a dictionary column of a field that is not`);
      if (local) this.interned.add(name);
      columns[name] = local ? internColumn(col, field) : this.resolveColumn(name, col as CaseDictColumn, field);
    }
    return columns === undefined ? chunk : { ...chunk, columns };
  }

  private resolveColumn(name: string, col: CaseDictColumn, field: DictField): StoredCaseColumn {
    const f = this.state(name);
    if (col.caseFrom !== f.snapSize + f.received.length) {
      throw new Error(`bug: ${name}: values from id ${col.caseFrom + 1} came after ${f.snapSize + f.received.length}`);
    }
    const n = col.dictEnds.length;
    for (let i = 0; i < n; i++) {
      const v = valueOfRun(col.dictText, col.dictEnds, i);
      const id = col.caseFrom + 1 + i;
      f.received.push(v);
      if (f.trusted === id - 1 && field.values.length === id - 1) {
        field.pushValue(v);
        f.trusted = id;
      } else this.mapTo(f, id, field.intern(v));
    }
    const ids = f.trusted === f.snapSize + f.received.length ? col.ids : this.translate(name, f, field, col.ids);
    return col.rows === undefined ? { kind: 'dict', caseIds: true, ids } : { kind: 'dict', caseIds: true, ids, rows: col.rows };
  }

  /**
   * The ingest ended (or failed): the value Maps built to intern chunk-local columns are let go. They hold an
   * entry per value of a field with mostly distinct values, which the index answers without (a later ingest that
   * needs one builds it again).
   */
  end(index: CaseIndex): void {
    for (const name of this.interned) {
      const field = index.field(name);
      if (field?.kind === 'dict') field.dropLookup();
    }
    this.interned.clear();
  }

  /** ids past `trusted` through the table (resolved by value when first met). */
  private translate(name: string, f: SessionField, field: DictField, src: IdArray): IdArray {
    const out = new Uint32Array(src.length);
    for (let i = 0; i < src.length; i++) {
      const id = src[i];
      if (id <= f.trusted) {
        out[i] = id;
        continue;
      }
      let to = id < f.map.length ? f.map[id] : 0;
      if (to === 0) to = this.mapTo(f, id, field.intern(this.valueOf(name, f, id)));
      out[i] = to;
    }
    return narrowIds(out, out.length, field.values.length);
  }

  private mapTo(f: SessionField, id: number, to: number): number {
    if (id >= f.map.length) {
      const next = new Uint32Array(Math.max(id + 1, f.map.length * 2, 64));
      next.set(f.map);
      f.map = next;
    }
    f.map[id] = to;
    return to;
  }

  private valueOf(name: string, f: SessionField, id: number): string {
    if (id > f.snapSize) return f.received[id - f.snapSize - 1];
    if (f.snapAt < 0) throw new Error(`bug: ${name}: id ${id} is in no snapshot`);
    return valueOfRun(this.snapshot.texts[f.snapAt], this.snapshot.ends[f.snapAt], id - 1);
  }

  private state(name: string): SessionField {
    let f = this.fields.get(name);
    if (f === undefined) {
      const at = this.snapAt.get(name) ?? -1;
      const snapSize = at < 0 ? 0 : this.snapshot.ends[at].length;
      // the snapshot's ids are the index's own while it is the index the snapshot was taken from
      f = { snapAt: at, snapSize, received: [], trusted: this.index === this.original ? snapSize : 0, map: new Uint32Array(0) };
      this.fields.set(name, f);
    }
    return f;
  }

  /** The index was replaced (rebuilt from the store): from now on every id is resolved by its value. */
  private switchTo(index: CaseIndex): void {
    this.index = index;
    for (const f of this.fields.values()) {
      f.trusted = 0;
      f.map = new Uint32Array(0);
    }
  }
}

/** A chunk-local column (a field not kept case-wide) as case ids: its entries interned into the index's field. */
function internColumn(col: LocalDictColumn, field: DictField): StoredCaseColumn {
  const remap = field.remap(col);
  const src = col.ids, n = src.length, w = idWidth(field.values.length);
  const ids = w === 8 ? new Uint8Array(n) : w === 16 ? new Uint16Array(n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) ids[i] = remap[src[i]];
  return col.rows === undefined ? { kind: 'dict', caseIds: true, ids } : { kind: 'dict', caseIds: true, ids, rows: col.rows };
}
