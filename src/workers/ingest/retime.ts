// Re-timing stored events when the user changes a file's zone or year (no re-read of the file): only the
// times the parser had to assume move. `ts.guess` says which: 'zone' (the record named no zone, the file's zone
// was applied) and 'year' (the record had no year, one was inferred or set).
//
// Example: an RFC 3164 line "Dec 10 06:55:46" read in UTC (ts 2026-12-10T06:55:46Z, guess 'year,zone'), zone
// changed to +02:00 -> 2026-12-10T04:55:46Z; year changed to 2015 -> 2015-12-10T04:55:46Z.
import { utcMs } from '../../core/time.ts';
import { valueAt, type Column, type EventChunk } from '../chunk/chunk.ts';
import { denseIds } from '../chunk/sparse.ts';

export interface RetimeChange {
  /** the zone the events were read in, minutes east of UTC */
  fromTz: number;
  /** the zone to read them in now */
  toTz: number;
  /** the year for year-less times; undefined keeps each event's year */
  year?: number;
}

export interface RetimeResult {
  /** the chunk with a new ts column (the input chunk is left as it was) */
  chunk: EventChunk;
  /** events whose time moved */
  changed: number;
  /** time range of the chunk's events after the change (undefined: no event has a time) */
  firstTs?: number;
  lastTs?: number;
}

export function retimeChunk(chunk: EventChunk, change: RetimeChange): RetimeResult {
  const tsCol = chunk.columns.ts;
  const result: RetimeResult = { chunk, changed: 0 };
  if (tsCol === undefined || tsCol.kind !== 'num') return result;
  const flags = guessFlags(chunk.columns['ts.guess'], chunk.count);
  const shift = (change.toTz - change.fromTz) * 60_000;
  const values = new Float64Array(tsCol.values);
  // a sparse ts column (chunk format 3) holds entries for its present rows only: entry i is row rows[i]
  const rows = tsCol.rows;
  let first = Infinity, last = -Infinity;
  const end = rows === undefined ? chunk.count : values.length;
  for (let i = 0; i < end; i++) {
    let ts = values[i];
    if (Number.isNaN(ts)) continue;
    const f = flags(rows === undefined ? i : rows[i]);
    if (f & ZONE) ts -= shift;
    if (f & YEAR && change.year !== undefined) ts = withYear(ts, change.year, change.toTz);
    if (ts !== values[i]) {
      values[i] = ts;
      result.changed++;
    }
    if (ts < first) first = ts;
    if (ts > last) last = ts;
  }
  if (first !== Infinity) {
    result.firstTs = first;
    result.lastTs = last;
  }
  // a null-prototype copy like the builder's: field names come from log text ('__proto__' must stay a key)
  const columns = Object.assign(Object.create(null) as Record<string, Column>, chunk.columns);
  columns.ts = rows === undefined ? { kind: 'num', values } : { kind: 'num', values, rows };
  result.chunk = { ...chunk, columns };
  return result;
}

const ZONE = 1, YEAR = 2;

/** Per event, which parts of its time were assumed; decided once per dictionary entry, not per event. */
function guessFlags(col: Column | undefined, count: number): (i: number) => number {
  if (col === undefined) return () => 0;
  if (col.kind === 'dict') {
    const byId = [0, ...col.dict.map(flagsOf)];
    const ids = denseIds(col, count);
    return (i) => byId[ids[i]];
  }
  // a guess column is always a dictionary as built; read any other kind the slow way rather than guess
  const each = new Uint8Array(count);
  for (let i = 0; i < count; i++) each[i] = col.kind === 'text' ? flagsOf(String(valueAt(col, i) ?? '')) : 0;
  return (i) => each[i];
}

function flagsOf(guess: string): number {
  let f = 0;
  for (const part of guess.split(',')) {
    if (part === 'zone') f |= ZONE;
    else if (part === 'year') f |= YEAR;
  }
  return f;
}

/** The same wall-clock date and time (in zone `tz`) in another year; sub-millisecond fractions are kept. */
function withYear(ts: number, year: number, tz: number): number {
  const local = ts + tz * 60_000;
  const d = new Date(local);
  const mo = d.getUTCMonth(), day = d.getUTCDate(), h = d.getUTCHours(), mi = d.getUTCMinutes(), s = d.getUTCSeconds();
  const rest = local - Date.UTC(d.getUTCFullYear(), mo, day, h, mi, s);
  return utcMs(year, mo, day, h, mi, s, rest) - tz * 60_000;
}
