// Dictionary columns in CASE ids (case schema 6, issue 15). The ingest worker is handed the case's dictionary
// when an ingest starts (DictSnapshot: per field, the values joined + ends); its chunk builders look each value
// up in one Map per field that lives for the whole ingest, so the id a value gets is its id in the case. A chunk
// then carries only the values new since the previous chunk (CaseDictColumn: ids caseFrom + 1, ...) and its ids,
// as narrow as the field's size allows. The engine adopts them (query/dictSession.ts) and stores the column
// without entries (StoredCaseColumn), the values going to the case's `dict` store (store/caseDict.ts).
// Example: snapshot app = ['sshd'] (id 1); a chunk with app sshd, CRON, sshd -> caseFrom 1, entries ['CRON'],
// ids Uint8Array [1, 2, 1].
// A field whose values are mostly distinct, or too many, is not kept case-wide: its chunks carry their own
// dictionary (LocalDictColumn) and the engine interns them (caseFieldBudget.ts).
import { heldBytes, mostlyDistinct, overBudget } from './caseFieldBudget.ts';
import { ownCopy } from '../../core/text/ownCopy.ts';

export type IdArray = Uint8Array | Uint16Array | Uint32Array;

/** The case's dictionary as the ingest worker gets it: field i's values are texts[i] cut at ends[i]. */
export interface DictSnapshot {
  fields: string[];
  texts: string[];
  ends: Uint32Array[];
  /** fields the case has too many values of to hand over (caseFieldBudget.ts): chunk-local from the start */
  local?: string[];
}

/** A column as built in the ingest worker: ids are case ids; entries are ids caseFrom + 1 .. caseFrom + n. */
export interface CaseDictColumn { kind: 'dict'; caseFrom: number; dictText: string; dictEnds: Uint32Array; ids: IdArray; rows?: Uint32Array }

/** A column as stored (and as the index takes it): ids are the case's, values in the case's dictionary. */
export interface StoredCaseColumn { kind: 'dict'; caseIds: true; ids: IdArray; rows?: Uint32Array }

/**
 * A chunk-local column of a field not kept case-wide (caseFieldBudget.ts), as built in the ingest worker: a packed
 * chunk dictionary (packedDict.ts PackedDictColumn; entries may repeat), marked for the engine, which interns its
 * values and stores it as case ids (query/dictSession.ts). Any reader of packed columns reads it as one.
 */
export interface LocalDictColumn { kind: 'dict'; local: true; dictText: string; dictEnds: Uint32Array; ids: Uint32Array; rows?: Uint32Array }

export function isLocalColumn(col: object): col is LocalDictColumn {
  return 'local' in col;
}

export function isCaseColumn(col: object): col is CaseDictColumn {
  return 'caseFrom' in col;
}

export function isStoredCaseColumn(col: object): col is StoredCaseColumn {
  return 'caseIds' in col;
}

/** The id width for a dictionary of `size` values (the same bounds as the case index's id arrays). */
export function idWidth(size: number): 8 | 16 | 32 {
  return size < 0xff ? 8 : size < 0xffff ? 16 : 32;
}

/** ids[0, n) in the narrowest array that holds every id of a dictionary of `size` values (a copy). */
export function narrowIds(ids: ArrayLike<number> & { subarray(a: number, b: number): IdArray }, n: number, size: number): IdArray {
  const w = idWidth(size);
  const out = w === 8 ? new Uint8Array(n) : w === 16 ? new Uint16Array(n) : new Uint32Array(n);
  out.set(ids.subarray(0, n));
  return out;
}

export function valueOfRun(text: string, ends: Uint32Array, i: number): string {
  return text.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
}

/** values joined + ends */
export function joinValues(values: readonly string[]): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) ends[i] = at += values[i].length;
  return { text: values.join(''), ends };
}

/**
 * One field's case dictionary in the ingest worker: seeded from the snapshot when the field is first used.
 * `local`: the field is no longer kept case-wide (caseFieldBudget.ts): its columns carry their own dictionary.
 */
export class CaseField {
  size: number;
  local = false;
  /** estimated bytes of the values held (caseFieldBudget.ts heldBytes) */
  held: number;
  /** lookups in the chunk being built, and how many of them added a value */
  lookups = 0;
  added = 0;
  /** ids up to this one were sent in an earlier chunk (or were in the snapshot) */
  private sent: number;
  private fresh: string[] = [];
  private map: Map<string, number> | undefined;

  constructor(private seedText = '', private seedEnds: Uint32Array = new Uint32Array(0)) {
    this.size = this.sent = seedEnds.length;
    this.held = heldBytes(seedEnds.length, seedText.length);
  }

  idOf(value: string): number {
    const map = this.map ?? this.seed();
    this.lookups++;
    let id = map.get(value);
    if (id === undefined) {
      // kept for the whole ingest: not as a view of the parser's text
      const own = ownCopy(value);
      id = ++this.size;
      map.set(own, id);
      this.fresh.push(own);
      this.added++;
      this.held += heldBytes(1, own.length);
    }
    return id;
  }

  /** The id of a value the field has, without adding it. */
  find(value: string): number | undefined {
    return (this.map ?? this.seed()).get(value);
  }

  /** The values added since the last call, as a chunk column carries them. */
  take(): { caseFrom: number; dictText: string; dictEnds: Uint32Array } {
    const { text, ends } = joinValues(this.fresh);
    const caseFrom = this.sent;
    this.sent = this.size;
    this.fresh = [];
    return { caseFrom, dictText: text, dictEnds: ends };
  }

  /** Stops keeping the field case-wide (between chunks: every value it gave an id was taken). */
  release(): void {
    if (this.fresh.length > 0) throw new Error('bug: a case field turned chunk-local with values not yet sent');
    this.local = true;
    this.map = undefined;
    this.seedText = '';
    this.seedEnds = new Uint32Array(0);
    this.held = 0;
  }

  private seed(): Map<string, number> {
    if (this.local) throw new Error('bug: a chunk-local field was looked up in the case dictionary');
    // Map, not an object: values are log text ("__proto__" must be an ordinary key)
    const map = new Map<string, number>();
    const text = this.seedText, ends = this.seedEnds;
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      map.set(text.slice(start, ends[i]), i + 1);
      start = ends[i];
    }
    this.map = map;
    return map;
  }
}

/**
 * The case dictionary of one ingest, shared by every chunk builder of it (every file and archive member): a
 * value keeps its id across chunks and files. Chunks are handed to the engine in the order they are built, so
 * each field's new values reach it in id order whichever builder added them.
 */
export class CaseDictBuilder {
  private readonly fields = new Map<string, CaseField>();
  private readonly seeds = new Map<string, number>();

  constructor(private readonly snapshot: DictSnapshot = { fields: [], texts: [], ends: [] }) {
    snapshot.fields.forEach((f, i) => this.seeds.set(f, i));
    for (const name of snapshot.local ?? []) {
      const f = new CaseField();
      f.release();
      this.fields.set(name, f);
    }
  }

  field(name: string): CaseField {
    let f = this.fields.get(name);
    if (f === undefined) {
      const i = this.seeds.get(name);
      f = i === undefined ? new CaseField() : new CaseField(this.snapshot.texts[i], this.snapshot.ends[i]);
      this.fields.set(name, f);
    }
    return f;
  }

  /**
   * After each chunk (its columns taken): a field that was mostly distinct in it, or holds too much, turns
   * chunk-local (caseFieldBudget.ts), so what the worker holds stays bounded whatever the number of values.
   */
  endChunk(): void {
    const kept: CaseField[] = [];
    for (const f of this.fields.values()) {
      if (f.local) continue;
      if (mostlyDistinct(f.lookups, f.added)) f.release();
      else kept.push(f);
      f.lookups = f.added = 0;
    }
    for (const i of overBudget(kept.map((f) => f.held))) kept[i].release();
  }

  /** Fields kept case-wide and values they hold (tests, benches). */
  held(): { fields: number; values: number; bytes: number } {
    let fields = 0, values = 0, bytes = 0;
    for (const f of this.fields.values()) {
      if (f.local) continue;
      fields++;
      values += f.size;
      bytes += f.held;
    }
    return { fields, values, bytes };
  }
}
