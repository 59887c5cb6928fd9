// The Sigma condition grammar (sigma-rules-specification "Condition"), precedence from least to most
// binding: or, and, not, `x of`, parentheses. `1 of`/`any of`/`all of` take a search-identifier pattern
// (`*` wildcards) or `them` (every identifier except those starting with `_`).
// Example: 'selection and not 1 of filter_*' -> and(id selection, not(of(any, [filter_a, filter_b]))).
import type { CondNode } from './model.ts';

export class ConditionError extends Error {}

const TOKEN = /\s*(\(|\)|[^\s()]+)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (m === null) break;
    out.push(m[1]);
    at = TOKEN.lastIndex;
  }
  if (text.slice(at).trim() !== '') throw new ConditionError(`cannot read condition near '${text.slice(at)}'`);
  return out;
}

function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** Parses one condition against the rule's search identifiers (names resolved now: unknown names are errors). */
export function parseCondition(text: string, identifiers: readonly string[]): CondNode {
  const toks = tokenize(text);
  let at = 0;
  const peek = () => toks[at]?.toLowerCase();
  const known = new Set(identifiers);

  const primary = (): CondNode => {
    const t = toks[at];
    if (t === undefined) throw new ConditionError('condition ends too early');
    const low = t.toLowerCase();
    if (t === '(') {
      at++;
      const e = orExpr();
      if (toks[at] !== ')') throw new ConditionError(`missing ')' in '${text}'`);
      at++;
      return e;
    }
    if ((low === '1' || low === 'all' || low === 'any') && toks[at + 1]?.toLowerCase() === 'of') {
      at += 2;
      const target = toks[at++];
      if (target === undefined || target === '(' || target === ')') throw new ConditionError(`'${t} of' needs a pattern or 'them'`);
      const names = target.toLowerCase() === 'them'
        ? identifiers.filter((n) => !n.startsWith('_'))
        : identifiers.filter((n) => globToRegExp(target).test(n));
      if (names.length === 0) throw new ConditionError(`no search identifier matches '${target}'`);
      return { t: 'of', all: low === 'all', names };
    }
    if (['and', 'or', 'not', ')', 'of'].includes(low)) throw new ConditionError(`unexpected '${t}' in '${text}'`);
    if (low === 'near' || t === '|') throw new ConditionError(`'${t}' is not supported in conditions`);
    if (!known.has(t)) throw new ConditionError(`unknown search identifier '${t}'`);
    at++;
    return { t: 'id', name: t };
  };
  const notExpr = (): CondNode => {
    if (peek() === 'not') {
      at++;
      return { t: 'not', a: notExpr() };
    }
    return primary();
  };
  const andExpr = (): CondNode => {
    let a = notExpr();
    while (peek() === 'and') {
      at++;
      a = { t: 'and', a, b: notExpr() };
    }
    return a;
  };
  const orExpr = (): CondNode => {
    let a = andExpr();
    while (peek() === 'or') {
      at++;
      a = { t: 'or', a, b: andExpr() };
    }
    return a;
  };
  if (toks.length === 0) throw new ConditionError('empty condition');
  const node = orExpr();
  if (at < toks.length) throw new ConditionError(`unexpected '${toks[at]}' in '${text}'`);
  return node;
}

/** The legacy aggregation tail `| count(field) by group > n` (Sigma 1.x), read as a correlation. */
export interface LegacyAggregation {
  fn: 'count' | 'sum' | 'avg';
  field?: string;
  groupBy?: string;
  op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq';
  value: number;
}

const AGG = /^\s*(count|sum|avg|min|max)\s*\(\s*([^)\s]*)\s*\)\s*(?:by\s+(\S+)\s*)?(>=|<=|==|=|>|<)\s*(\d+(?:\.\d+)?)\s*$/i;

export function parseAggregation(text: string): LegacyAggregation {
  const m = AGG.exec(text);
  if (m === null) throw new ConditionError(`cannot read aggregation '${text.trim()}'`);
  const fn = m[1].toLowerCase();
  if (fn === 'min' || fn === 'max') throw new ConditionError(`aggregation '${fn}' has no Sigma correlation equivalent`);
  const op = ({ '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte', '=': 'eq', '==': 'eq' } as const)[m[4] as '>' | '>=' | '<' | '<=' | '=' | '=='];
  return { fn: fn as 'count' | 'sum' | 'avg', field: m[2] || undefined, groupBy: m[3], op, value: Number(m[5]) };
}
