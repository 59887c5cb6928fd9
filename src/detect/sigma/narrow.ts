// Which rows a rule can match, found before any row is read. Every rule has items it cannot do without (an AND
// of the condition, or each branch of an OR); an item on a small dictionary column is probed once per distinct
// value, and the rows holding a passing value come straight from the column's by-value index. The rule is then
// offered only those rows (intersected with its log source's rows) instead of every row of its log source:
// Image|endswith: '\certutil.exe' over 350k process events reads the few thousand certutil rows, and a rule
// no event can satisfy (its field absent from the case, or no value passing) reads none.
// Only rows where a needed item fails are left out, so the rule's matches are exactly what a full scan gives.
// Verdicts computed here are the ones the row predicates read later (compile.ts dictItemTest), so no test runs
// twice; rules are narrowed after every rule has bound, since the multi-pattern indexes need all patterns first.
import { CaseBinding } from './binding.ts';
import { dictItemTest, KEYWORD_FIELDS } from './compile.ts';
import type { CondNode, Detection, DetectionItem, SigmaRule } from './model.ts';
import type { LiteralAlt } from './modifiers.ts';
import type { SourceVariant } from './sources.ts';

/** Dictionary columns up to this many distinct values are probed value by value; larger ones by their looked-for texts. */
const PROBE_LIMIT = 4096;
/** narrowing pays when it leaves at most this share of the log source's rows */
const WORTH = 0.5;

/** Rows where a column holds one of the ids (0 = the field is absent), or rows listed outright (keywords). */
type Part = { field: string; ids: number[] } | { rows: Uint32Array };
/** A necessary condition: the rule can only match rows of one of the parts; ALL when nothing is known. */
type Need = { parts: Part[]; count: number } | typeof ALL;
const ALL = 'all' as const;
const NONE: Need = { parts: [], count: 0 };

/**
 * Keywords looked for through the text columns' multi-pattern pass: the rows whose message or raw text holds
 * a looked-for text of a value (a superset when values need confirming: the predicate confirms).
 */
function keywordNeed(item: DetectionItem, b: CaseBinding, v: SourceVariant): Need {
  const lits = item.literals;
  if (lits === undefined || lits.rest !== undefined || lits.neq || lits.all) return ALL;
  const found: number[] = [];
  for (const f of KEYWORD_FIELDS) {
    const col = b.column(f);
    if (col === undefined) continue; // never holds
    if (col.kind !== 'text') return ALL;
    const lists = b.textPostings(f, v), idx = b.literals(f);
    for (const alts of lits.values) for (const a of alts) {
      const id = idx.idOf(a.text);
      if (id !== undefined) for (const r of lists[id]) found.push(r);
    }
  }
  const rows = Uint32Array.from(found).sort();
  let w = 0;
  for (let k = 0; k < rows.length; k++) if (w === 0 || rows[w - 1] !== rows[k]) rows[w++] = rows[k];
  return { parts: [{ rows: rows.subarray(0, w) }], count: w };
}

function itemNeed(item: DetectionItem, b: CaseBinding, v: SourceVariant): Need {
  if (item.field === null) return keywordNeed(item, b, v);
  if (item.refField !== undefined) return ALL;
  const name = b.resolve(item.field, v);
  if (name === undefined) return item.matchesAbsent ? ALL : NONE; // no event has the field
  const col = b.column(name);
  if (col?.kind !== 'dict') return ALL;
  const counts = b.valueCounts(name, v);
  const ids: number[] = [];
  let count = 0;
  if (col.values.length > PROBE_LIMIT) {
    // a large column (CommandLine) is probed only for looked-for texts, read from the values' pattern lists
    // (one pass over the values serves every rule, whatever the variant's size). Values that need confirming
    // are not confirmed here: the rows are a superset, and the predicate confirms the few it is offered.
    const lits = item.literals;
    if (lits === undefined || lits.rest !== undefined || lits.neq || item.matchesAbsent) return ALL;
    const idx = b.literals(name), postings = idx.postings(col.values, b.lowers.dict(col.values));
    const listsOf = (alts: LiteralAlt[]) => alts.map((a) => idx.idOf(a.text)).flatMap((p) => (p === undefined ? [] : [postings[p]]));
    if (!lits.all) {
      // a looked-for text held by more of the variant's rows than narrowing pays for (' -', '.exe') makes the
      // item's rows at least that many: no narrowing from it, whatever the other texts add (so not gathered)
      const enough = b.rows(v).length * WORTH;
      for (const alts of lits.values) for (const a of alts) {
        const p = idx.idOf(a.text);
        if (p !== undefined && b.postingRows(name, v, p, postings[p], counts) > enough) return ALL;
      }
      const { mark, now } = b.marks(name, col.values.length + 1);
      for (const alts of lits.values) for (const list of listsOf(alts)) for (const id of list) {
        if (mark[id] === now) continue;
        mark[id] = now;
        if (counts[id] > 0) {
          ids.push(id);
          count += counts[id];
        }
      }
      return { parts: [{ field: name, ids }], count };
    }
    // every value: the ids (of the variant) holding one of its texts, intersected
    let common: number[] | undefined;
    for (const alts of lits.values) {
      const { mark, now } = b.marks(name, col.values.length + 1);
      const these: number[] = [];
      for (const list of listsOf(alts)) for (const id of list) if (mark[id] !== now && counts[id] > 0) {
        mark[id] = now;
        these.push(id);
      }
      if (common === undefined) common = these;
      else common = common.filter((id) => mark[id] === now);
      if (common.length === 0) break;
    }
    for (const id of common ?? []) count += counts[id];
    return { parts: [{ field: name, ids: common ?? [] }], count };
  }
  const test = dictItemTest(item, b, name, col);
  // id 0 is an event without the field
  for (let id = 0; id <= col.values.length; id++) {
    const rows = counts[id];
    if (rows > 0 && test(id)) {
      ids.push(id);
      count += rows;
    }
  }
  return { parts: [{ field: name, ids }], count };
}

function both(a: Need, c: Need): Need {
  return a === ALL ? c : c === ALL ? a : a.count <= c.count ? a : c;
}

function either(a: Need, c: Need): Need {
  return a === ALL || c === ALL ? ALL : { parts: [...a.parts, ...c.parts], count: a.count + c.count };
}

/**
 * How costly an item's need is to work out: a small dictionary column reads its value counts; a large one the
 * shared pattern lists; keywords gather and sort rows; a nested detection may hold any of these.
 */
function needCost(it: DetectionItem | Detection, b: CaseBinding, v: SourceVariant): number {
  if ('op' in it) return 3;
  if (it.field === null) return 2;
  const name = b.resolve(it.field, v);
  const col = name === undefined ? undefined : b.column(name);
  return col?.kind === 'dict' && col.values.length > PROBE_LIMIT ? 1 : 0;
}

function detectionNeed(d: Detection, b: CaseBinding, v: SourceVariant): Need {
  // an AND stops at the first operand no event can satisfy: the cheap ones are asked first
  const items = d.op === 'and' && d.items.length > 1 ? [...d.items].sort((x, y) => needCost(x, b, v) - needCost(y, b, v)) : d.items;
  let out: Need | undefined;
  for (const it of items) {
    const n = 'op' in it ? detectionNeed(it, b, v) : itemNeed(it, b, v);
    out = out === undefined ? n : d.op === 'and' ? both(out, n) : either(out, n);
    if (d.op === 'and' ? out !== ALL && out.count === 0 : out === ALL) break;
  }
  return out ?? (d.op === 'and' ? ALL : NONE);
}

const isNone = (n: Need) => n !== ALL && n.count === 0;

function condNeed(c: CondNode, ids: (name: string) => Need): Need {
  switch (c.t) {
    case 'id': return ids(c.name);
    case 'not': return ALL; // a negation can hold whatever its operand does
    case 'and': {
      // the other operand is not worked out once one can never hold (nor the rest of an OR once one is ALL)
      const a = condNeed(c.a, ids);
      return isNone(a) ? a : both(a, condNeed(c.b, ids));
    }
    case 'or': {
      const a = condNeed(c.a, ids);
      return a === ALL ? a : either(a, condNeed(c.b, ids));
    }
    case 'of': {
      let out: Need | undefined;
      for (const name of c.names) {
        const n = ids(name);
        out = out === undefined ? n : c.all ? both(out, n) : either(out, n);
        if (c.all ? isNone(out) : out === ALL) break;
      }
      return out ?? (c.all ? ALL : NONE);
    }
  }
}

/**
 * The rows of `variantRows` (ascending) the rule can match: all of them, fewer, or none (filters only narrow a
 * rule, so they are not needed).
 */
export function ruleRows(rule: SigmaRule, b: CaseBinding, v: SourceVariant, variantRows: Uint32Array): Uint32Array {
  const memo = new Map<string, Need>();
  const ids = (name: string): Need => {
    let r = memo.get(name);
    if (r === undefined) {
      const d = rule.detections.get(name);
      memo.set(name, (r = d === undefined ? NONE : detectionNeed(d, b, v)));
    }
    return r;
  };
  let need: Need = NONE;
  for (const c of rule.condition) {
    need = either(need, condNeed(c, ids));
    if (need === ALL) break;
  }
  if (need === ALL || need.count > variantRows.length * WORTH) return variantRows;
  if (need.count === 0) return new Uint32Array(0);
  // the by-value index holds the rows of every log source: gathered, then kept to the variant's
  let size = 0;
  for (const p of need.parts) {
    if ('rows' in p) size += p.rows.length;
    else {
      const index = b.valueRows(p.field);
      for (const id of p.ids) size += index.starts[id + 1] - index.starts[id];
    }
  }
  if (size > variantRows.length && need.parts.every((p) => !('rows' in p))) return scanParts(need.parts, b, variantRows);
  const rows = b.scratch(size).subarray(0, size);
  let at = 0;
  for (const p of need.parts) {
    if ('rows' in p) {
      rows.set(p.rows, at);
      at += p.rows.length;
      continue;
    }
    const index = b.valueRows(p.field);
    for (const id of p.ids) {
      rows.set(index.rows.subarray(index.starts[id], index.starts[id + 1]), at);
      at += index.starts[id + 1] - index.starts[id];
    }
  }
  // one part's ids give ascending runs; several ids or parts need a sort (and parts may share rows)
  const first = need.parts[0];
  if (need.parts.length > 1 || ('ids' in first && first.ids.length > 1)) rows.sort();
  const inSource = b.rowMask(v);
  let w = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (inSource[r] === 1 && (w === 0 || rows[w - 1] !== r)) rows[w++] = r;
  }
  return rows.slice(0, w);
}

/** The variant's rows holding one of the parts' ids, read row by row (when the ids hold more rows of other sources). */
function scanParts(parts: readonly Part[], b: CaseBinding, variantRows: Uint32Array): Uint32Array {
  const tests = parts.filter((p): p is Extract<Part, { ids: number[] }> => 'ids' in p).map((p) => {
    const col = b.column(p.field) as { values: readonly string[]; ids: ArrayLike<number> };
    const mark = new Uint8Array(col.values.length + 1);
    for (const id of p.ids) mark[id] = 1;
    return { mark, ids: col.ids };
  });
  const out = b.scratch(variantRows.length);
  let w = 0;
  for (let k = 0; k < variantRows.length; k++) {
    const r = variantRows[k];
    for (const t of tests) if (t.mark[t.ids[r]] === 1) {
      out[w++] = r;
      break;
    }
  }
  return out.slice(0, w);
}
