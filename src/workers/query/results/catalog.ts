// The field catalog: every field of the case with its column kind, how many events carry it and up
// to 5 sample values (keyword fields: the most frequent). Core fields first, in schema order.
import type { FieldCatalogEntry } from '../../api.ts';
import { CORE_FIELDS } from '../../../core/schema.ts';
import type { CaseIndex } from '../caseIndex.ts';
import type { Field } from '../fields.ts';
import { topCodes } from './codes.ts';

const SAMPLES = 5;
const SAMPLE_CHARS = 120;
const CORE_ORDER = new Map(CORE_FIELDS.map((f, i) => [f.name, i]));

export function fieldCatalog(index: CaseIndex): FieldCatalogEntry[] {
  const names = index.fieldNames().sort((a, b) => {
    const ia = CORE_ORDER.get(a) ?? Infinity, ib = CORE_ORDER.get(b) ?? Infinity;
    return ia !== ib ? ia - ib : a < b ? -1 : a > b ? 1 : 0;
  });
  const out: FieldCatalogEntry[] = [];
  for (const name of names) {
    const field = index.field(name);
    if (field === undefined || field.present === 0) continue;
    out.push({ field: name, kind: field.kind, count: field.present, samples: samples(index, field) });
  }
  return out;
}

function samples(index: CaseIndex, field: Field): string[] {
  if (field.kind === 'dict') {
    return topCodes(field.counts.subarray(0, field.values.length + 1), field.values, SAMPLES).map((c) => field.values[c - 1]);
  }
  if (field.kind === 'num') return field.firstDistinct(SAMPLES, index.rowCount).map(String);
  // text: the first distinct values met, in arrival order
  const seen = new Set<string>();
  for (let r = 0; r < index.rowCount && seen.size < SAMPLES; r++) {
    const v = field.valueOf(r);
    if (v === undefined) continue;
    const s = String(v);
    seen.add(s.length > SAMPLE_CHARS ? `${s.slice(0, SAMPLE_CHARS)}…` : s);
  }
  return [...seen];
}
