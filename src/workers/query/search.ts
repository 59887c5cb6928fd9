// Query text -> matching rows: parse, compile against the index, evaluate. `search` runs to the end at
// once (CLI, tests); `searchSliced` evaluates in slices of a few milliseconds and gives the event loop
// back between them, so the engine worker answers other requests, reports progress and notices a cancel.
import type { QueryError, TimeRange } from '../api.ts';
import type { Result } from '../../core/result.ts';
import type { Bitset } from './bitset.ts';
import type { CaseIndex } from './caseIndex.ts';
import { compileQuery } from './compile.ts';
import { nextTurn } from '../nextTurn.ts';
import { evaluateSteps, planUnits } from './evaluate.ts';
import { parseQuery } from './language/parser.ts';
import { RowSet } from './rowSet.ts';
import type { Plan } from './plan.ts';
import type { Steps } from './textScan.ts';

export interface SearchResult { rows: RowSet; warnings: QueryError[] }

interface Prepared { n: number; units: number; warnings: QueryError[]; steps: Steps<Bitset> }

/** range: only events timed inside it (from inclusive, to exclusive), ANDed with the query as one more range scan. */
function prepare(index: CaseIndex, text: string, nowMs: number, range: TimeRange | undefined): Result<Prepared, QueryError> {
  const ast = parseQuery(text);
  if (!ast.ok) return ast;
  // the rows that exist now: chunks arriving while a sliced query runs are left to the next query
  const n = index.rowCount;
  const compiled = compileQuery(ast.value, index, nowMs);
  if (!compiled.ok) return compiled;
  const { warnings } = compiled.value;
  const plan = withRange(index, compiled.value.plan, range);
  return { ok: true, value: { n, units: planUnits(plan, index), warnings, steps: evaluateSteps(plan, index, n) } };
}

/** nowMs: what `now` means in `ts >= now-1h` (default: the clock). */
export function search(index: CaseIndex, text: string, nowMs: number = Date.now(), range?: TimeRange): Result<SearchResult, QueryError> {
  const p = prepare(index, text, nowMs, range);
  if (!p.ok) return p;
  for (;;) {
    const s = p.value.steps.next();
    if (s.done === true) return { ok: true, value: { rows: new RowSet(p.value.n, s.value), warnings: p.value.warnings } };
  }
}

export interface SliceControl {
  /** checked between slices: true stops the search (it then resolves to 'cancelled') */
  cancelled(): boolean;
  /** work done so far out of total (units: column scans and text chunks) */
  progress?(done: number, total: number): void;
  /** how long one slice may run before the event loop gets a turn (default 8 ms) */
  sliceMs?: number;
}

export async function searchSliced(index: CaseIndex, text: string, nowMs: number, control: SliceControl, range?: TimeRange): Promise<Result<SearchResult, QueryError> | 'cancelled'> {
  const p = prepare(index, text, nowMs, range);
  if (!p.ok) return p;
  const { steps, units, n, warnings } = p.value;
  const sliceMs = control.sliceMs ?? 8;
  let done = 0, sliceStart = performance.now();
  for (;;) {
    const s = steps.next();
    if (s.done === true) {
      control.progress?.(units, units);
      return { ok: true, value: { rows: new RowSet(n, s.value), warnings } };
    }
    done += s.value;
    if (performance.now() - sliceStart >= sliceMs) {
      control.progress?.(done, units);
      await nextTurn();
      if (control.cancelled()) {
        void steps.return(undefined as never);
        return 'cancelled';
      }
      sliceStart = performance.now();
    }
  }
}

function withRange(index: CaseIndex, plan: Plan, range: TimeRange | undefined): Plan {
  if (range === undefined || (range.from === undefined && range.to === undefined)) return plan;
  const ts = index.field('ts');
  if (ts === undefined || ts.kind !== 'num') return { op: 'none' };
  const lo = range.from ?? -Infinity, hi = range.to ?? Infinity;
  return { op: 'and', kids: [plan, { op: 'numRange', field: ts, lo, hi, loIncl: true, hiIncl: false }] };
}
