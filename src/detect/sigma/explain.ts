// Why a rule matched an event (the rule tester): which search identifiers held, and the values of the fields
// the rule reads, through the field mapping of the log-source variant the event matched by.
import type { EventTable } from '../types.ts';
import { CaseBinding } from './binding.ts';
import { reader } from './valuePred.ts';
import { identifierRowPreds } from './compile.ts';
import type { Detection, SigmaRule } from './model.ts';
import type { RuleMatches } from './run.ts';

export interface RowExplanation {
  row: number;
  identifiers: { name: string; matched: boolean }[];
  fields: { field: string; column?: string; value?: string }[];
}

function fieldsOf(d: Detection, out: Set<string>): Set<string> {
  for (const it of d.items) {
    if ('op' in it) fieldsOf(it, out);
    else {
      if (it.field !== null) out.add(it.field);
      if (it.refField !== undefined) out.add(it.refField);
    }
  }
  return out;
}

/** The Sigma field names a rule tests, in the order written. */
export function ruleFields(rule: SigmaRule): string[] {
  const out = new Set<string>();
  for (const d of rule.detections.values()) fieldsOf(d, out);
  return [...out];
}

/** Explains the given matched rows of one rule (rows not in `m` are left out). */
export function explainMatches(table: EventTable, m: RuleMatches, rows: readonly number[]): RowExplanation[] {
  const b = new CaseBinding(table);
  const fields = ruleFields(m.rule);
  const byVariant = new Map<string, { preds: Map<string, (row: number) => boolean>; reads: { field: string; column?: string; read: (row: number) => string | undefined }[] }>();
  // every variant is bound before any row is tested: the multi-pattern indexes take no pattern after a search
  for (const row of rows) {
    const v = m.variantOf.get(row);
    if (v === undefined || byVariant.has(v.id)) continue;
    const reads = fields.map((field) => {
      const column = b.resolve(field, v);
      return { field, column, read: reader(column === undefined ? undefined : b.column(column)) };
    });
    byVariant.set(v.id, { preds: identifierRowPreds(m.rule, b, v), reads });
  }
  const out: RowExplanation[] = [];
  for (const row of rows) {
    const v = m.variantOf.get(row);
    const bound = v === undefined ? undefined : byVariant.get(v.id);
    if (bound === undefined) continue;
    out.push({
      row,
      identifiers: [...bound.preds].map(([name, pred]) => ({ name, matched: pred(row) })),
      fields: bound.reads.map(({ field, column, read }) => ({ field, column, value: read(row) })),
    });
  }
  return out;
}
