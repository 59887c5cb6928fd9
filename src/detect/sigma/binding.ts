// Binds a run to one case: the case's columns, candidate rows per logsource variant, case-insensitive
// names, and the caches every rule of the run shares (value predicates themselves: valuePred.ts).
import type { ColumnView, EventTable } from '../types.ts';
import { LiteralIndex } from './literals.ts';
import type { SourceVariant } from './sources.ts';
import { LowerCache, valuePred, type RowPred } from './valuePred.ts';

/** Per-run lookups shared by every rule: columns, candidate rows per variant, case-insensitive names. */
export class CaseBinding {
  private readonly lowerNames = new Map<string, string>();
  private readonly names: Set<string>;
  private readonly candidates = new Map<string, Uint32Array>();
  private readonly columns = new Map<string, ColumnView | undefined>();
  readonly lowers = new LowerCache();
  /** lower-cased text of the keyword fields, per row (keyword items of many rules read the same rows) */
  private readonly textLower = new Map<string, (string | undefined)[]>();

  constructor(readonly table: EventTable) {
    this.names = new Set(table.fieldNames());
    for (const n of this.names) if (!this.lowerNames.has(n.toLowerCase())) this.lowerNames.set(n.toLowerCase(), n);
  }

  column(name: string): ColumnView | undefined {
    if (!this.columns.has(name)) this.columns.set(name, this.table.column(name));
    return this.columns.get(name);
  }

  /** The case field a Sigma field name reads for a variant (undefined: no event of the case has it). */
  resolve(field: string, v: SourceVariant): string | undefined {
    const mapped = v.fields?.[field];
    const tries = mapped !== undefined ? [mapped] : v.data ? [`data.${field}`, field] : [field, `data.${field}`];
    for (const t of tries) if (this.names.has(t)) return t;
    // Windows field names are case-insensitive to Sigma backends: a rule writing 'commandline' still matches
    for (const t of tries) {
      const n = this.lowerNames.get(t.toLowerCase());
      if (n !== undefined) return n;
    }
    return undefined;
  }

  private readonly verdicts = new Map<string, Uint8Array>();
  private readonly literalIndexes = new Map<string, LiteralIndex>();

  /** The multi-pattern index of a column's plain substrings (all rules register before any search). */
  literals(column: string): LiteralIndex {
    let idx = this.literalIndexes.get(column);
    if (idx === undefined) this.literalIndexes.set(column, idx = new LiteralIndex());
    return idx;
  }

  private readonly rowHits = new Map<string, (readonly number[] | undefined)[]>();

  /** The patterns of a text column's multi-pattern index found in a row's text, searched once per row. */
  textHits(name: string, row: number, text: string): readonly number[] {
    let arr = this.rowHits.get(name);
    if (arr === undefined) this.rowHits.set(name, arr = new Array<readonly number[] | undefined>(this.table.rowCount));
    return (arr[row] ??= this.literals(name).searchFolded(text));
  }

  private readonly textLists = new Map<string, number[][]>();

  /**
   * Per pattern of a text column's multi-pattern index, the rows of a variant (ascending) whose text holds it:
   * keyword rules are offered only those rows (narrow.ts). Every row is searched once, shared with the predicates.
   */
  textPostings(name: string, v: SourceVariant): number[][] {
    const key = `${name}\u0000${v.id}`;
    let lists = this.textLists.get(key);
    if (lists === undefined) {
      const col = this.column(name);
      if (col?.kind !== 'text') throw new Error(`textPostings: ${name} is not a text column`);
      const idx = this.literals(name);
      lists = Array.from({ length: idx.size }, (): number[] => []);
      let found = this.rowHits.get(name);
      if (found === undefined) this.rowHits.set(name, found = new Array<readonly number[] | undefined>(this.table.rowCount));
      // the rows' text read in place from the column's runs (no string per row) where it has them
      const runs = col.runs?.() ?? [];
      let at = 0;
      // variants share rows (the Linux services): a row searched for another variant is not read again
      for (const r of this.rows(v)) {
        let hits = found[r];
        if (hits === undefined) {
          while (at < runs.length && r >= runs[at].base + runs[at].count) at++;
          const run = runs[at];
          if (run !== undefined && r >= run.base) {
            const local = r - run.base, end = run.ends[local];
            const start = run.starts !== undefined ? run.starts[local] : local === 0 ? 0 : run.ends[local - 1];
            hits = end > start ? idx.searchFoldedRange(run.text, start, end)
              : run.elsewhere?.(local) === true ? idx.searchFolded(col.valueOf(r) ?? '') : NO_HITS;
          } else {
            const x = col.valueOf(r);
            hits = x === undefined ? NO_HITS : idx.searchFolded(x);
          }
          found[r] = hits;
        }
        for (const h of hits) lists[h].push(r);
      }
      this.textLists.set(key, lists);
    }
    return lists;
  }

  private readonly idTests = new Map<string, (id: number) => boolean>();

  /**
   * The test of a dictionary value id for one (column, test), made once: the row predicates and the rule
   * narrowing (narrow.ts) read the same verdicts. Made while rules bind, before any multi-pattern search.
   */
  idTest(column: string, key: string, make: () => (id: number) => boolean): (id: number) => boolean {
    const k = `${column}\u0000${key}`;
    let t = this.idTests.get(k);
    if (t === undefined) this.idTests.set(k, t = make());
    return t;
  }

  /** One verdict array per (column, test): rules repeating a test (Image|endswith: '\\cmd.exe') share it. */
  verdict(column: string, key: string, size: number): Uint8Array {
    const k = `${column}\u0000${key}`;
    let v = this.verdicts.get(k);
    if (v === undefined) this.verdicts.set(k, v = new Uint8Array(size));
    return v;
  }

  /** The lower-cased text of a text column at a row, computed once per run. */
  lowerText(name: string, row: number, text: string): string {
    let arr = this.textLower.get(name);
    if (arr === undefined) this.textLower.set(name, arr = new Array<string | undefined>(this.table.rowCount));
    return (arr[row] ??= text.toLowerCase());
  }

  /** Rows of the case a variant covers, ascending (cached for the run). */
  rows(v: SourceVariant): Uint32Array {
    let rows = this.candidates.get(v.id);
    if (rows === undefined) {
      rows = this.gate(v);
      this.candidates.set(v.id, rows);
    }
    return rows;
  }

  private gate(v: SourceVariant): Uint32Array {
    const n = this.table.rowCount;
    let rows: Uint32Array | undefined;
    for (const g of v.when) {
      const accept = new Set(g.values.map((x) => x.toLowerCase()));
      const any = accept.has('*');
      const holds = (x: string | undefined, lx: string | undefined) => x !== undefined && (any ? x !== '' : accept.has(lx ?? ''));
      if (rows === undefined) {
        // the first gate reads the rows of the accepted values straight from a per-column index (no scan per
        // variant); variants share first gates (every Linux service starts with the Linux parsers): kept per gate
        const key = JSON.stringify([g.fields, g.values]);
        const direct = this.firstGates.get(key) ?? this.rowsWhere(g.fields, holds);
        if (direct !== undefined) {
          this.firstGates.set(key, direct);
          rows = direct;
          if (rows.length === 0) break;
          continue;
        }
      }
      if (rows !== undefined) {
        // later gates over dictionary columns: each distinct value tested once, then the rows kept by id
        const kept = this.keepWhere(rows, g.fields, holds);
        if (kept !== undefined) {
          rows = kept;
          if (rows.length === 0) break;
          continue;
        }
      }
      const tests: RowPred[] = [];
      for (const f of g.fields) {
        const col = this.column(f);
        if (col === undefined) continue;
        tests.push(valuePred(col, holds, this.lowers));
      }
      const test: RowPred = tests.length === 1 ? tests[0] : (r) => tests.some((t) => t(r));
      const out: number[] = [];
      if (tests.length > 0) {
        if (rows === undefined) for (let r = 0; r < n; r++) { if (test(r)) out.push(r); }
        else for (const r of rows) if (test(r)) out.push(r);
      }
      rows = Uint32Array.from(out);
      if (rows.length === 0) break;
    }
    return rows ?? new Uint32Array(0);
  }

  private readonly firstGates = new Map<string, Uint32Array>();

  /** The rows (ascending) where any of the dictionary fields has a value passing the test; undefined if one is not a dictionary. */
  private keepWhere(rows: Uint32Array, fields: readonly string[], holds: (x: string, lx: string) => boolean): Uint32Array | undefined {
    const tests: { ids: ArrayLike<number>; pass: Uint8Array }[] = [];
    for (const f of fields) {
      const col = this.column(f);
      if (col === undefined) continue;
      if (col.kind !== 'dict') return undefined;
      const low = this.lowers.dict(col.values), pass = new Uint8Array(col.values.length + 1);
      for (let id = 1; id <= col.values.length; id++) {
        const x = col.values[id - 1];
        if (holds(x, (low[id - 1] ??= x.toLowerCase()))) pass[id] = 1;
      }
      tests.push({ ids: col.ids, pass });
    }
    const out = new Uint32Array(rows.length);
    let w = 0;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      for (const t of tests) if (t.pass[t.ids[r]] === 1) {
        out[w++] = r;
        break;
      }
    }
    return out.slice(0, w);
  }

  private readonly byValue = new Map<string, { starts: Uint32Array; rows: Uint32Array }>();

  /** A dictionary column's rows by value (built once per run): the rows of id k are rows[starts[k] .. starts[k + 1]). */
  valueRows(field: string): { starts: Uint32Array; rows: Uint32Array } {
    let idx = this.byValue.get(field);
    if (idx === undefined) {
      const col = this.column(field);
      if (col?.kind !== 'dict') throw new Error(`valueRows: ${field} is not a dictionary column`);
      this.byValue.set(field, (idx = rowsByValue(col.ids, col.values.length, this.table.rowCount)));
    }
    return idx;
  }

  private readonly counts = new Map<string, Uint32Array>();

  /**
   * How many rows of a variant hold each id of a dictionary column (0 = absent): probing a column for a rule
   * needs no more than this (the rows themselves come from `valueRows` only when the rule is narrowed).
   */
  valueCounts(field: string, v: SourceVariant): Uint32Array {
    const key = `${field}\u0000${v.id}`;
    let c = this.counts.get(key);
    if (c === undefined) {
      const col = this.column(field);
      if (col?.kind !== 'dict') throw new Error(`valueCounts: ${field} is not a dictionary column`);
      c = new Uint32Array(col.values.length + 1);
      const ids = col.ids, rows = this.rows(v);
      for (let k = 0; k < rows.length; k++) c[ids[rows[k]]]++;
      this.counts.set(key, c);
    }
    return c;
  }

  private readonly listRows = new Map<string, number>();

  /** How many rows of a variant hold one of a pattern's dictionary ids (`counts`: the variant's valueCounts), once per run. */
  postingRows(field: string, v: SourceVariant, pattern: number, ids: readonly number[], counts: Uint32Array): number {
    const key = `${field}\u0000${v.id}\u0000${pattern}`;
    let n = this.listRows.get(key);
    if (n === undefined) {
      n = 0;
      for (let k = 0; k < ids.length; k++) n += counts[ids[k]];
      this.listRows.set(key, n);
    }
    return n;
  }

  private scratchRows = new Uint32Array(0);

  /**
   * A scratch array of at least `n` row ids, shared by every rule of the run (valid until the next call): rules
   * gather and test candidate rows in it and keep a copy of what is left, not an array the size of their source.
   */
  scratch(n: number): Uint32Array {
    if (this.scratchRows.length < n) this.scratchRows = new Uint32Array(Math.max(n, Math.min(this.scratchRows.length * 2, this.table.rowCount)));
    return this.scratchRows;
  }

  private readonly idMarks = new Map<string, Uint32Array>();
  private markStamp = 0;

  /** A scratch array per column to mark ids with: an id is marked when mark[id] === now (a fresh `now` per call). */
  marks(field: string, size: number): { mark: Uint32Array; now: number } {
    let mark = this.idMarks.get(field);
    if (mark === undefined || mark.length < size) this.idMarks.set(field, mark = new Uint32Array(size));
    return { mark, now: ++this.markStamp };
  }

  private readonly masks = new Map<string, Uint8Array>();

  /** 1 for the rows a variant covers (rules narrowed to a few rows test membership with it). */
  rowMask(v: SourceVariant): Uint8Array {
    let mask = this.masks.get(v.id);
    if (mask === undefined) {
      this.masks.set(v.id, mask = new Uint8Array(this.table.rowCount));
      for (const r of this.rows(v)) mask[r] = 1;
    }
    return mask;
  }

  /** Rows (ascending) where any of the dictionary fields has a value passing the test; undefined if one is not a dictionary. */
  private rowsWhere(fields: readonly string[], holds: (x: string, lx: string) => boolean): Uint32Array | undefined {
    const parts: Uint32Array[] = [];
    for (const f of fields) {
      const col = this.column(f);
      if (col === undefined) continue;
      if (col.kind !== 'dict') return undefined;
      const idx = this.valueRows(f);
      const low = this.lowers.dict(col.values);
      for (let id = 1; id <= col.values.length; id++) {
        const x = col.values[id - 1];
        if (holds(x, (low[id - 1] ??= x.toLowerCase()))) parts.push(idx.rows.subarray(idx.starts[id], idx.starts[id + 1]));
      }
    }
    if (parts.length === 1) return parts[0];
    const total = parts.reduce((k, p) => k + p.length, 0);
    if (total > this.table.rowCount >> 4) {
      // many rows (every Windows channel, the Linux parsers): marked and read back in order, not sorted
      const mark = new Uint8Array(this.table.rowCount);
      for (const p of parts) for (let k = 0; k < p.length; k++) mark[p[k]] = 1;
      const out = new Uint32Array(total);
      let w = 0;
      for (let r = 0; r < mark.length; r++) if (mark[r] === 1) out[w++] = r;
      return out.slice(0, w);
    }
    const all = new Uint32Array(total);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    all.sort();
    // one row can hold several accepted values only across fields: drop the repeats
    let w = 0;
    for (let r = 0; r < all.length; r++) if (r === 0 || all[r] !== all[r - 1]) all[w++] = all[r];
    return all.subarray(0, w);
  }
}

const NO_HITS: readonly number[] = [];

/** A counting sort of a dictionary column: the rows of id k are rows[starts[k] .. starts[k + 1]), ascending. */
function rowsByValue(ids: ArrayLike<number>, distinct: number, n: number): { starts: Uint32Array; rows: Uint32Array } {
  const starts = new Uint32Array(distinct + 2);
  for (let r = 0; r < n; r++) starts[ids[r] + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const fill = starts.slice(0, distinct + 1);
  const rows = new Uint32Array(n);
  for (let r = 0; r < n; r++) rows[fill[ids[r]]++] = r;
  return { starts, rows };
}
