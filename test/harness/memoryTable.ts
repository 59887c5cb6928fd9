// A small EventTable over plain event objects, for table tests of detectors and rules (no ingest needed).
// Same column kinds as the engine: numbers -> 'num', message/raw -> 'text', everything else -> 'dict'.
import type { ColumnView, EventTable } from '../../src/detect/types.ts';

export type MemoryEvent = Record<string, string | number | undefined>;

export function memoryTable(events: readonly MemoryEvent[]): EventTable {
  const names = [...new Set(events.flatMap((e) => Object.keys(e)))];
  const columns = new Map<string, ColumnView>();
  for (const name of names) {
    if (name === 'message' || name === 'raw') {
      columns.set(name, { kind: 'text', valueOf: (row) => (events[row][name] === undefined ? undefined : String(events[row][name])) });
    } else if (events.some((e) => typeof e[name] === 'number')) {
      columns.set(name, { kind: 'num', values: Float64Array.from(events, (e) => (e[name] === undefined ? NaN : Number(e[name]))) });
    } else {
      const values: string[] = [];
      const index = new Map<string, number>();
      const ids = Uint32Array.from(events, (e) => {
        const v = e[name];
        if (v === undefined) return 0;
        let id = index.get(String(v));
        if (id === undefined) {
          values.push(String(v));
          index.set(String(v), id = values.length);
        }
        return id;
      });
      columns.set(name, { kind: 'dict', values, ids });
    }
  }
  const ts = (row: number) => (typeof events[row].ts === 'number' ? (events[row].ts as number) : NaN);
  return {
    rowCount: events.length,
    fieldNames: () => names,
    column: (name) => columns.get(name),
    tsOf: ts,
    timeOrder: () => Uint32Array.from(events.map((_, i) => i).sort((a, b) => (ts(a) === ts(a) ? ts(a) : Infinity) - (ts(b) === ts(b) ? ts(b) : Infinity) || a - b)),
  };
}
