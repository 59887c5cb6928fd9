// A Sigma alert made one click from its evidence: the observing hosts of its events (group by host) and a search
// that selects exactly its evidence events. Sigma group-by fields are rule field names (IpAddress, User), not the
// case's, so the search names the events themselves: their file and line (or EVTX record id) in that file.
import type { Alert, ColumnView, EventTable } from '../../detect/types.ts';
import { term } from '../query/queryText.ts';

function text(col: ColumnView | undefined, row: number): string | undefined {
  if (col === undefined) return undefined;
  if (col.kind === 'dict') return col.ids[row] === 0 ? undefined : col.values[col.ids[row] - 1];
  if (col.kind === 'num') return col.values[row] === col.values[row] ? String(col.values[row]) : undefined;
  return col.valueOf(row);
}

/** `(col.file:f and col.line:(1 2)) or ...` selecting the rows; undefined when a row cannot be named that way. */
export function rowsQuery(table: EventTable, rows: readonly number[]): string | undefined {
  const file = table.column('col.file'), line = table.column('col.line'), record = table.column('data.EventRecordID');
  const byFile = new Map<string, { field: string; values: Set<string> }>();
  for (const r of rows) {
    const f = text(file, r);
    if (f === undefined) return undefined;
    const l = text(line, r);
    const rec = l === undefined ? text(record, r) : undefined;
    const field = l !== undefined ? 'col.line' : 'data.EventRecordID';
    const value = l ?? rec;
    if (value === undefined || !/^\d+$/.test(value)) return undefined;
    const key = `${field}\u0000${f}`;
    let g = byFile.get(key);
    if (g === undefined) byFile.set(key, (g = { field, values: new Set() }));
    g.values.add(value);
  }
  if (byFile.size === 0) return undefined;
  const parts = [...byFile].map(([key, g]) => `(${term('col.file', key.slice(key.indexOf('\u0000') + 1))} and ${g.field}:(${[...g.values].join(' ')}))`);
  return parts.length === 1 ? parts[0] : parts.join(' or ');
}

function hostsOf(table: EventTable, rows: readonly number[]): string | undefined {
  const col = table.column('obs.host.name');
  const seen = new Set<string>();
  for (const r of rows) {
    const h = text(col, r);
    if (h !== undefined && h !== '') seen.add(h);
  }
  return seen.size === 0 ? undefined : [...seen].sort().join(', ');
}

export function decorateSigmaAlert(table: EventTable, a: Alert): Alert {
  const q = rowsQuery(table, a.evidence);
  return {
    ...a,
    host: a.host ?? hostsOf(table, a.evidence),
    ...(q !== undefined ? { evidenceQuery: q } : {}),
  };
}
