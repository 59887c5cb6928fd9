// Dictionary columns in CASE ids (case schema 6, issue 15). The ingest worker is handed the case's dictionary
// when an ingest starts (DictSnapshot: per field, the values joined + ends); its chunk builders look each value
// up in one Map per field that lives for the whole ingest, so the id a value gets is its id in the case. A chunk
// then carries only the values new since the previous chunk (CaseDictColumn: ids caseFrom + 1, ...) and its ids,
// as narrow as the field's size allows. The engine adopts them (query/dictSession.ts) and stores the column
// without entries (StoredCaseColumn), the values going to the case's `dict` store (store/caseDict.ts).
// Example: snapshot app = ['sshd'] (id 1); a chunk with app sshd, CRON, sshd -> caseFrom 1, entries ['CRON'],
// ids Uint8Array [1, 2, 1].

export type IdArray = Uint8Array | Uint16Array | Uint32Array;

/** The case's dictionary as the ingest worker gets it: field i's values are texts[i] cut at ends[i]. */
export interface DictSnapshot {
  fields: string[];
  texts: string[];
  ends: Uint32Array[];
}

/** A column as built in the ingest worker: ids are case ids; entries are ids caseFrom + 1 .. caseFrom + n. */
export interface CaseDictColumn { kind: 'dict'; caseFrom: number; dictText: string; dictEnds: Uint32Array; ids: IdArray; rows?: Uint32Array }

/** A column as stored (and as the index takes it): ids are the case's, values in the case's dictionary. */
export interface StoredCaseColumn { kind: 'dict'; caseIds: true; ids: IdArray; rows?: Uint32Array }

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

/** One field's case dictionary in the ingest worker: seeded from the snapshot when the field is first used. */
export class CaseField {
  size: number;
  /** ids up to this one were sent in an earlier chunk (or were in the snapshot) */
  private sent: number;
  private fresh: string[] = [];
  private map: Map<string, number> | undefined;

  constructor(private readonly seedText = '', private readonly seedEnds: Uint32Array = new Uint32Array(0)) {
    this.size = this.sent = seedEnds.length;
  }

  idOf(value: string): number {
    const map = this.map ?? this.seed();
    let id = map.get(value);
    if (id === undefined) {
      id = ++this.size;
      map.set(value, id);
      this.fresh.push(value);
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

  private seed(): Map<string, number> {
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
}
