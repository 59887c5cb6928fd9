// Query text -> matching rows: parse, compile against the index, evaluate.
import type { QueryError } from '../api.ts';
import type { Result } from '../../core/result.ts';
import type { CaseIndex } from './caseIndex.ts';
import { compileQuery } from './compile.ts';
import { evaluatePlan } from './evaluate.ts';
import { parseQuery } from './language/parser.ts';
import { RowSet } from './rowSet.ts';

export interface SearchResult { rows: RowSet; warnings: QueryError[] }

/** nowMs: what `now` means in `ts >= now-1h` (default: the clock). */
export function search(index: CaseIndex, text: string, nowMs: number = Date.now()): Result<SearchResult, QueryError> {
  const ast = parseQuery(text);
  if (!ast.ok) return ast;
  const compiled = compileQuery(ast.value, index, nowMs);
  if (!compiled.ok) return compiled;
  const bits = evaluatePlan(compiled.value.plan, index);
  return { ok: true, value: { rows: new RowSet(index.rowCount, bits), warnings: compiled.value.warnings } };
}
