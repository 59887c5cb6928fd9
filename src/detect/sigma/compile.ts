// Compiles a rule's detections to row predicates over a case bound by CaseBinding (binding.ts). Dictionary
// columns are tested once per distinct value (a verdict cache per dictionary id), so a predicate costs an array
// lookup per row; only text columns are read row by row.
import type { ColumnView } from '../types.ts';
import type { CondNode, Detection, DetectionItem, SigmaFilter, SigmaRule } from './model.ts';
import type { ValueTest } from './modifiers.ts';
import { LiteralIndex } from './literals.ts';
import type { SourceVariant } from './sources.ts';
import { CaseBinding } from './binding.ts';
import { valuePred, reader, type RowPred } from './valuePred.ts';

/** Full-text fields keyword items search (the event's message and its record as read). */
export const KEYWORD_FIELDS = ['message', 'raw'];

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
        // the lower-cased text only when a test needs it (most rows are answered by the pass alone); one
        // closure per predicate reading the current row, not one made per row
        let row = 0, x = '';
        const lower = () => b.lowerText(f, row, x);
        return (r) => {
          const value = col.valueOf(r);
          if (value === undefined) return false;
          row = r;
          x = value;
          let hit = found(b.textHits(f, r, value), value, lower);
          if (!hit && rest !== undefined) hit = rest(value, lower());
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

/**
 * Whether the pattern ids found in a value (and the alternatives' confirming tests) satisfy the item's literal
 * values: any of them, or all with `all`.
 */
function literalMatcher(lits: Literals, idx: LiteralIndex): (hits: readonly number[], v: string, lower: () => string) => boolean {
  const valueAlts = lits.values.map((alts) => alts.map((a) => ({ id: idx.add(a.text), confirm: a.confirm })));
  if (lits.all) return (hits, v, lower) => hits.length > 0 && valueAlts.every((alts) => alts.some((a) => hits.includes(a.id) && (a.confirm === undefined || a.confirm(v, lower()))));
  // per pattern id, the tests confirming it (null: found is enough)
  const byId = new Map<number, (ValueTest | null)[]>();
  for (const a of valueAlts.flat()) {
    const list = byId.get(a.id);
    if (list === undefined) byId.set(a.id, [a.confirm ?? null]);
    else list.push(a.confirm ?? null);
  }
  return (hits, v, lower) => {
    for (let k = 0; k < hits.length; k++) {
      const confirms = byId.get(hits[k]);
      if (confirms !== undefined) for (const c of confirms) if (c === null || c(v, lower())) return true;
    }
    return false;
  };
}

/** An item with literal values over a dictionary column, answered from the column's multi-pattern pass. */
function literalIdTest(item: DetectionItem, idx: LiteralIndex, values: readonly string[], low: (string | undefined)[], verdict: Uint8Array): (id: number) => boolean {
  const lits = item.literals as Literals;
  const found = literalMatcher(lits, idx);
  const absent = item.test(undefined, undefined);
  const rest = lits.rest;
  // the value being tested, lower-cased when a confirming test asks (one closure, not one per value)
  let at = 0;
  const lower = () => (low[at - 1] ??= values[at - 1].toLowerCase());
  return (id) => {
    let v = verdict[id];
    if (v === 0) {
      if (id === 0) v = absent ? 1 : 2;
      else {
        const x = values[id - 1];
        at = id;
        let hit = found(idx.searchDict(values, low, id), x, lower);
        if (!hit && rest !== undefined) hit = rest(x, lower());
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

/**
 * Registers the texts a rule's items (and its filters') look for in the multi-pattern passes of the columns
 * they read for a variant, without building predicates: every rule registers before the first search, and
 * predicates are built only for rules that still have rows once narrowed.
 */
export function registerRule(rule: SigmaRule, filters: readonly SigmaFilter[], b: CaseBinding, v: SourceVariant): void {
  const visit = (d: Detection): void => {
    for (const it of d.items) {
      if ('op' in it) visit(it);
      else registerItem(it, b, v);
    }
  };
  for (const d of rule.detections.values()) visit(d);
  for (const f of filters) for (const d of f.detections.values()) visit(d);
}

function registerItem(item: DetectionItem, b: CaseBinding, v: SourceVariant): void {
  const lits = item.literals;
  if (lits === undefined || item.refField !== undefined) return;
  const names = item.field === null ? KEYWORD_FIELDS.filter((f) => b.column(f)?.kind === 'text') : [b.resolve(item.field, v)];
  for (const name of names) {
    if (name === undefined) continue;
    const kind = b.column(name)?.kind;
    if (kind !== 'dict' && kind !== 'text') continue;
    const idx = b.literals(name);
    for (const alts of lits.values) for (const a of alts) idx.add(a.text);
  }
}
