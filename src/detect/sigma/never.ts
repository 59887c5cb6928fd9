// Rules that cannot match a source variant, found before any row is read: a rule whose every condition needs an
// item that no event can satisfy (its field is absent from the case, or no distinct value of a small dictionary
// column passes) is skipped without a per-row loop. Most rules of a large rule set match nothing in a given case
// (Image|endswith: '\mimikatz.exe' over the case's few dozen images), so this is where their time goes.
// Verdicts computed here are the ones the row predicates read later (shared arrays), so no test runs twice.
import { CaseBinding } from './compile.ts';
import type { CondNode, Detection, DetectionItem, SigmaRule } from './model.ts';
import type { SourceVariant } from './sources.ts';

/** dictionary columns up to this many distinct values are probed whole; larger ones are left to the rows */
const PROBE_LIMIT = 4096;

function itemNever(item: DetectionItem, b: CaseBinding, v: SourceVariant): boolean {
  if (item.field === null || item.refField !== undefined || item.matchesAbsent) return false;
  const name = b.resolve(item.field, v);
  if (name === undefined) return true; // no event has the field, and the item needs it
  const col = b.column(name);
  if (col?.kind !== 'dict' || col.values.length > PROBE_LIMIT) return false;
  const { values } = col;
  const verdict = b.verdict(name, item.key, values.length + 1);
  const low = b.lowers.dict(values);
  for (let id = 1; id <= values.length; id++) {
    let x = verdict[id];
    if (x === 0) {
      const value = values[id - 1];
      x = item.test(value, low[id - 1] ??= value.toLowerCase()) ? 1 : 2;
      verdict[id] = x;
    }
    if (x === 1) return false;
  }
  return true;
}

function detectionNever(d: Detection, b: CaseBinding, v: SourceVariant): boolean {
  const never = (it: DetectionItem | Detection) => ('op' in it ? detectionNever(it, b, v) : itemNever(it, b, v));
  return d.op === 'and' ? d.items.some(never) : d.items.every(never);
}

function condNever(c: CondNode, ids: (name: string) => boolean): boolean {
  switch (c.t) {
    case 'id': return ids(c.name);
    case 'not': return false; // a negation can hold whatever its operand does
    case 'and': return condNever(c.a, ids) || condNever(c.b, ids);
    case 'or': return condNever(c.a, ids) && condNever(c.b, ids);
    case 'of': return c.all ? c.names.some(ids) : c.names.every(ids);
  }
}

/** True when no event of the variant can match the rule (filters only narrow a rule: they are not needed). */
export function ruleNever(rule: SigmaRule, b: CaseBinding, v: SourceVariant): boolean {
  const memo = new Map<string, boolean>();
  const ids = (name: string): boolean => {
    let r = memo.get(name);
    if (r === undefined) {
      const d = rule.detections.get(name);
      memo.set(name, (r = d === undefined || detectionNever(d, b, v)));
    }
    return r;
  };
  return rule.condition.every((c) => condNever(c, ids));
}
