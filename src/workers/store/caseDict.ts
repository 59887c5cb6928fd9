// The case-wide dictionary kept with the case (case schema 6, issue 15): every keyword value a stored chunk's
// case-id column (chunk/caseIds.ts StoredCaseColumn) names has one id in the case, the id the case index gave it.
// The `dict` store holds the values, appended as they first occur, in the transaction of the first chunk that
// names them: rows keyed [field, firstId] with the values firstId, firstId + 1, ... joined. A reopen reads the
// rows once, hands each field's values to the index as they are and copies every chunk's ids: no value hashed
// or looked up (the index's remap and intern were ~6 s of a 1M-event reopen).
// Example: field 'app' values ['sshd', 'CRON'] -> row key ['app', 1], { text: 'sshdCRON', ends: [4, 8] };
// a later chunk bringing 'su' -> ['app', 3], { text: 'su', ends: [2] }.
import { isStoredCaseColumn, joinValues, type StoredCaseColumn } from '../chunk/caseIds.ts';
import type { DictColumn } from '../chunk/chunk.ts';
import type { WireChunk } from '../chunk/packedDict.ts';

/** One run of a field's values: ids firstId .. firstId + ends.length - 1. */
export interface DictRun {
  text: string;
  ends: Uint32Array;
}

export interface DictDelta {
  field: string;
  firstId: number;
  values: readonly string[];
}

/**
 * The dictionary whose ids the stored chunks use: the open case's index (query/caseIndex.ts). `pending` lists
 * the values not yet stored, `stored` says they are (after the transaction that wrote them committed).
 */
export interface CaseDictionary {
  pending(): DictDelta[];
  stored(deltas: readonly DictDelta[]): void;
}

export function runOf(values: readonly string[]): DictRun {
  const { text, ends } = joinValues(values);
  return { text, ends };
}

/**
 * A stored chunk in the form every reader of chunks knows (hand-over export, re-time, re-read): each case-id
 * column as a chunk dictionary in order of first use with local ids, as the chunk builder makes it.
 */
export function withLocalDicts(chunk: WireChunk, values: ReadonlyMap<string, readonly string[]>): WireChunk {
  let columns: WireChunk['columns'] | undefined;
  for (const name in chunk.columns) {
    const col = chunk.columns[name];
    if (!isStoredCaseColumn(col)) continue;
    // a null-prototype copy like the builder's: field names come from log text ('__proto__' must stay a key)
    columns ??= Object.assign(Object.create(null) as WireChunk['columns'], chunk.columns);
    columns[name] = localColumn(name, col, values.get(name) ?? []);
  }
  if (columns === undefined) return chunk;
  const { unparsed: _counted, ...rest } = chunk;
  return { ...rest, columns };
}

function localColumn(name: string, col: StoredCaseColumn, values: readonly string[]): DictColumn {
  const src = col.ids, ids = new Uint32Array(src.length), dict: string[] = [];
  const local = new Map<number, number>();
  for (let i = 0; i < src.length; i++) {
    const id = src[i];
    if (id === 0) continue;
    let l = local.get(id);
    if (l === undefined) {
      if (id > values.length) throw new Error(`${name}: case id ${id} is not in the stored dictionary (${values.length} values)`);
      l = dict.push(values[id - 1]);
      local.set(id, l);
    }
    ids[i] = l;
  }
  // the key order of an unpacked column (packedDict.ts): kind, dict, ids, then rows
  return col.rows === undefined ? { kind: 'dict', dict, ids } : { kind: 'dict', dict, ids, rows: col.rows };
}

/**
 * Each field's values in id order from the stored runs (in key order: field, then firstId). Runs may overlap
 * (a transaction that wrote a run again with more values): an id already placed is skipped, never replaced,
 * because a value's id never changes. A gap (a run missing) ends the field there: the chunks whose ids lie
 * past it cannot be read (the index refuses ids past a field's values: a bug, never a silent wrong value).
 */
export function valuesOfRuns(rows: readonly { key: [string, number]; run: DictRun }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const broken = new Set<string>();
  for (const { key: [field, firstId], run } of rows) {
    if (broken.has(field)) continue;
    let values = out.get(field);
    if (values === undefined) out.set(field, (values = []));
    if (firstId > values.length + 1) {
      broken.add(field);
      continue;
    }
    let start = 0;
    for (let i = 0; i < run.ends.length; i++) {
      const end = run.ends[i];
      if (firstId + i > values.length) values.push(run.text.slice(start, end));
      start = end;
    }
  }
  return out;
}
