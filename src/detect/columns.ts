// Reading the columnar EventTable: typed views of one column, and a value of any kind for one row.
// Detectors read dictionary ids and typed arrays, so their per-row work is array indexing, not objects.
import type { ColumnView, EventTable } from './types.ts';

export interface DictView { values: readonly string[]; ids: ArrayLike<number> }

export function dictColumn(table: EventTable, field: string): DictView | undefined {
  const c = table.column(field);
  return c !== undefined && c.kind === 'dict' ? c : undefined;
}

export function numColumn(table: EventTable, field: string): ArrayLike<number> | undefined {
  const c = table.column(field);
  return c !== undefined && c.kind === 'num' ? c.values : undefined;
}

/** The value of a field for one row as text (numbers formatted), undefined when the event lacks it. */
export function valueAt(col: ColumnView | undefined, row: number): string | undefined {
  if (col === undefined) return undefined;
  if (col.kind === 'dict') {
    const id = col.ids[row];
    return id === 0 ? undefined : col.values[id - 1];
  }
  if (col.kind === 'num') {
    const v = col.values[row];
    return v === v ? String(v) : undefined;
  }
  return col.valueOf(row);
}

/** A per-dictionary-id lookup table: out[id] = f(value) (0..255); id 0 (the event lacks the field) maps to 0. */
export function classify(col: DictView | undefined, f: (value: string) => number): Uint8Array {
  const out = new Uint8Array(col === undefined ? 1 : col.values.length + 1);
  if (col !== undefined) for (let i = 1; i < out.length; i++) out[i] = f(col.values[i - 1]);
  return out;
}
