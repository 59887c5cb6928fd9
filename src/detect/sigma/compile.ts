// Compiles a rule's detections to row predicates over a case bound by CaseBinding (binding.ts). Dictionary
// columns are tested once per distinct value (a verdict cache per dictionary id), so a predicate costs an array
// lookup per row; only text columns are read row by row.
import type { ColumnView } from '../types.ts';
import type { CondNode, Detection, DetectionItem, SigmaFilter, SigmaRule } from './model.ts';
import { LiteralIndex } from './literals.ts';
import type { SourceVariant } from './sources.ts';
import { CaseBinding, valuePred, reader, type RowPred } from './binding.ts';

/** Full-text fields keyword items search (the event's message and its record as read). */
const KEYWORD_FIELDS = ['message', 'raw'];

/** A predicate and its rough cost per row: AND operands run cheapest first (they have no side effects). */
interface Costed { pred: RowPred; cost: number }

/** Cost of testing a column: a dictionary column costs its distinct values (verdicts are cached), text every row. */
function columnCost(col: ColumnView | undefined, rows: number): number {
  return col === undefined ? 0 : col.kind === 'dict' ? Math.min(col.values.length, rows) : rows * 2;
}

function itemPred(item: DetectionItem, b: CaseBinding, v: SourceVariant): Costed {
  const rows = b.table.rowCount;
  if (item.field === null) {
    const preds = KEYWORD_FIELDS.map((f): RowPred => {
      const col = b.column(f);
      if (col?.kind !== 'text') return valuePred(col, (x, lx) => x !== undefined && item.test(x, lx), b.lowers);
      if (item.literals !== undefined) {
        // plain keywords: one multi-pattern pass per row of text serves every keyword rule
        const lits = item.literals, found = literalMatcher(lits, b.literals(f)), rest = lits.rest;
        return (row) => {
          const x = col.valueOf(row);
          if (x === undefined) return false;
          let hit = found(b.textHits(f, row, x));
          if (!hit && rest !== undefined) hit = rest(x, b.lowerText(f, row, x));
          return hit !== lits.neq;
        };
      }
      return (row) => {
        const x = col.valueOf(row);
        return x !== undefined && item.test(x, b.lowerText(f, row, x));
      };
    });
    return { pred: (row) => preds[0](row) || preds[1](row), cost: rows * 4 };
  }
  const name = b.resolve(item.field, v);
  const col = name === undefined ? undefined : b.column(name);
  if (item.refField !== undefined) {
    const refName = b.resolve(item.refField, v);
    const read = reader(col), readRef = reader(refName === undefined ? undefined : b.column(refName));
    return {
      pred: (row) => {
        const x = read(row);
        return item.test(x, x?.toLowerCase(), readRef(row));
      },
      cost: rows * 2,
    };
  }
  if (col?.kind === 'dict' && name !== undefined) {
    const verdict = b.verdict(name, item.key, col.values.length + 1);
    const test = dictItemTest(item, b, name, col);
    const ids = col.ids;
    // the cached verdict is read inline: this runs once per candidate row
    return {
      pred: (row) => {
        const id = ids[row];
        const v = verdict[id];
        return v === 0 ? test(id) : v === 1;
      },
      cost: columnCost(col, rows),
    };
  }
  return { pred: valuePred(col, item.test, b.lowers), cost: columnCost(col, rows) };
}

/** An item's verdict for a dictionary value id (0 = absent), cached in the (column, test) verdict array. */
export function dictItemTest(item: DetectionItem, b: CaseBinding, name: string, col: { values: readonly string[]; ids: ArrayLike<number> }): (id: number) => boolean {
  return b.idTest(name, item.key, () => {
    const verdict = b.verdict(name, item.key, col.values.length + 1);
    const low = b.lowers.dict(col.values);
    if (item.literals !== undefined) return literalIdTest(item, b.literals(name), col.values, low, verdict);
    const { values } = col;
    const test = item.test;
    return (id) => {
      let v = verdict[id];
      if (v === 0) {
        if (id === 0) v = test(undefined, undefined) ? 1 : 2;
        else {
          const x = values[id - 1];
          v = test(x, low[id - 1] ??= x.toLowerCase()) ? 1 : 2;
        }
        verdict[id] = v;
      }
      return v === 1;
    };
  });
}

type Literals = NonNullable<DetectionItem['literals']>;

/** Whether the pattern ids found in a value satisfy the item's literal values (any of them, or all with `all`). */
function literalMatcher(lits: Literals, idx: LiteralIndex): (hits: readonly number[]) => boolean {
  const valueIds = lits.values.map((alts) => alts.map((a) => idx.add(a)));
  const anyIds = new Set(valueIds.flat());
  return (hits) => {
    if (hits.length === 0) return false;
    if (!lits.all) {
      for (const h of hits) if (anyIds.has(h)) return true;
      return false;
    }
    return valueIds.every((alts) => alts.some((a) => hits.includes(a)));
  };
}

/** An item of plain substrings over a dictionary column, answered from the column's multi-pattern pass. */
function literalIdTest(item: DetectionItem, idx: LiteralIndex, values: readonly string[], low: (string | undefined)[], verdict: Uint8Array): (id: number) => boolean {
  const lits = item.literals as Literals;
  const found = literalMatcher(lits, idx);
  const absent = item.test(undefined, undefined);
  const rest = lits.rest;
  return (id) => {
    let v = verdict[id];
    if (v === 0) {
      if (id === 0) v = absent ? 1 : 2;
      else {
        let hit = found(idx.searchDict(values, low, id));
        if (!hit && rest !== undefined) hit = rest(values[id - 1], low[id - 1] as string);
        v = hit !== lits.neq ? 1 : 2;
      }
      verdict[id] = v;
    }
    return v === 1;
  };
}

function combine(op: 'and' | 'or', parts: Costed[]): Costed {
  if (parts.length === 1) return parts[0];
  if (op === 'and') parts = [...parts].sort((x, y) => x.cost - y.cost);
  const preds = parts.map((p) => p.pred);
  const cost = op === 'and' ? parts[0].cost + parts.slice(1).reduce((n, p) => n + p.cost, 0) / 4 : parts.reduce((n, p) => n + p.cost, 0);
  if (preds.length === 2) {
    const [p, q] = preds;
    return { pred: op === 'and' ? (r) => p(r) && q(r) : (r) => p(r) || q(r), cost };
  }
  return { pred: op === 'and' ? (r) => preds.every((p) => p(r)) : (r) => preds.some((p) => p(r)), cost };
}

function detectionPred(d: Detection, b: CaseBinding, v: SourceVariant): Costed {
  return combine(d.op, d.items.map((it) => ('op' in it ? detectionPred(it, b, v) : itemPred(it, b, v))));
}

/** Flattens nested ANDs/ORs so all operands of a chain are ordered together. */
function operands(c: CondNode, op: 'and' | 'or', out: CondNode[] = []): CondNode[] {
  if (c.t === op) {
    operands(c.a, op, out);
    operands(c.b, op, out);
  } else out.push(c);
  return out;
}

const NEVER: Costed = { pred: () => false, cost: 0 };

function condPred(c: CondNode, ids: Map<string, Costed>): Costed {
  switch (c.t) {
    case 'id': return ids.get(c.name) ?? NEVER;
    case 'not': {
      const a = condPred(c.a, ids);
      return { pred: (r) => !a.pred(r), cost: a.cost };
    }
    case 'and': case 'or': return combine(c.t, operands(c, c.t).map((x) => condPred(x, ids)));
    case 'of': return combine(c.all ? 'and' : 'or', c.names.map((n) => ids.get(n) ?? NEVER));
  }
}

function identifierPreds(dets: Map<string, Detection>, b: CaseBinding, v: SourceVariant): Map<string, Costed> {
  const out = new Map<string, Costed>();
  for (const [name, d] of dets) out.set(name, detectionPred(d, b, v));
  return out;
}

/** One predicate per search identifier of a rule (the rule tester says which held for an event). */
export function identifierRowPreds(rule: SigmaRule, b: CaseBinding, v: SourceVariant): Map<string, RowPred> {
  return new Map([...identifierPreds(rule.detections, b, v)].map(([name, c]) => [name, c.pred]));
}

/** The rule's predicate for one variant, with the filters that apply to it (rule and not filtered). */
export function rulePred(rule: SigmaRule, filters: readonly SigmaFilter[], b: CaseBinding, v: SourceVariant): RowPred {
  const ids = identifierPreds(rule.detections, b, v);
  const conds = rule.condition.map((c) => condPred(c, ids));
  let pred: Costed = combine('or', conds);
  for (const f of filters) {
    // the filter's condition is AND-ed, as pySigma does: filters say `not selection` to exclude events
    pred = combine('and', [pred, condPred(f.condition, identifierPreds(f.detections, b, v))]);
  }
  return pred.pred;
}
