// Query text -> matching rows: parse, compile against the index, evaluate.
import type { QueryError, TimeRange } from '../api.ts';
import type { Result } from '../../core/result.ts';
import type { CaseIndex } from './caseIndex.ts';
import { compileQuery } from './compile.ts';
import { evaluatePlan } from './evaluate.ts';
import { parseQuery } from './language/parser.ts';
import { RowSet } from './rowSet.ts';
import type { Plan } from './plan.ts';

export interface SearchResult { rows: RowSet; warnings: QueryError[] }

/**
 * nowMs: what `now` means in `ts >= now-1h` (default: the clock). range: only events timed inside it
 * (from inclusive, to exclusive), ANDed with the query as one more range scan.
 */
export function search(index: CaseIndex, text: string, nowMs: number = Date.now(), range?: TimeRange): Result<SearchResult, QueryError> {
  const ast = parseQuery(text);
  if (!ast.ok) return ast;
  const compiled = compileQuery(ast.value, index, nowMs);
  if (!compiled.ok) return compiled;
  const bits = evaluatePlan(withRange(index, compiled.value.plan, range), index);
  return { ok: true, value: { rows: new RowSet(index.rowCount, bits), warnings: compiled.value.warnings } };
}

function withRange(index: CaseIndex, plan: Plan, range: TimeRange | undefined): Plan {
  if (range === undefined || (range.from === undefined && range.to === undefined)) return plan;
  const ts = index.field('ts');
  if (ts === undefined || ts.kind !== 'num') return { op: 'none' };
  const lo = range.from ?? -Infinity, hi = range.to ?? Infinity;
  return { op: 'and', kids: [plan, { op: 'numRange', field: ts, lo, hi, loIncl: true, hiIncl: false }] };
}
