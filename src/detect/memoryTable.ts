// An EventTable over a few event objects: detector samples, unit tests and small tools. Keyword fields
// become dictionary columns, numbers numeric columns, like the engine's index (minus text columns).
import type { EventTable, ColumnView } from './types.ts';

export type SampleEvent = Record<string, string | number>;

export function tableOf(events: readonly SampleEvent[]): EventTable {
  const cols = new Map<string, ColumnView>();
  const names = new Set<string>();
  for (const e of events) for (const k of Object.keys(e)) names.add(k);
  for (const name of names) {
    const numeric = events.every((e) => e[name] === undefined || typeof e[name] === 'number');
    if (numeric) {
      const values = new Float64Array(events.length).fill(NaN);
      events.forEach((e, i) => { if (e[name] !== undefined) values[i] = e[name] as number; });
      cols.set(name, { kind: 'num', values });
    } else {
      const values: string[] = [];
      const lookup = new Map<string, number>();
      const ids = new Uint32Array(events.length);
      events.forEach((e, i) => {
        const v = e[name];
        if (v === undefined) return;
        const s = String(v);
        let id = lookup.get(s);
        if (id === undefined) {
          values.push(s);
          id = values.length;
          lookup.set(s, id);
        }
        ids[i] = id;
      });
      cols.set(name, { kind: 'dict', values, ids });
    }
  }
  const ts = (row: number): number => {
    const v = events[row]?.ts;
    return typeof v === 'number' ? v : NaN;
  };
  let order: Uint32Array | undefined;
  return {
    rowCount: events.length,
    fieldNames: () => [...names],
    column: (field) => cols.get(field),
    tsOf: ts,
    timeOrder() {
      if (order === undefined) {
        const key = (r: number) => (ts(r) === ts(r) ? ts(r) : Infinity);
        order = Uint32Array.from(events.keys()).sort((a, b) => key(a) - key(b) || a - b);
      }
      return order;
    },
  };
}
