// Plan -> Bitset of matching rows. Keyword terms are one pass over an id array through a lookup
// table; ranges one pass over a Float64Array; free text is indexOf over each chunk's joined,
// lower-cased text with hits mapped to rows by binary search. `not` is a complement.
// Evaluation is a generator: it yields the work units done (one per column scan, one per text chunk)
// so a driver can run it to the end at once (CLI, tests) or in slices that let the engine answer other
// requests and notice a cancel (search.ts).
import type { LinearRegex } from '../../core/regex.ts';
import { Bitset } from './bitset.ts';
import type { CaseIndex } from './caseIndex.ts';
import type { DictField, IdArray, NumField, TextField } from './fields.ts';
import type { Plan } from './plan.ts';
import { scanContains, scanFree, scanTest, type Steps } from './textScan.ts';

/**
 * Rows matching the plan among the first `n` rows of the index (rows that arrive while the plan runs are
 * not looked at). `within`, when given, is a set the caller will intersect with anyway: row-by-row tests
 * (regexes) skip rows outside it, which makes `outcome:failure and message:/.../` cheap.
 */
export function* evaluateSteps(plan: Plan, index: CaseIndex, n: number, within?: Bitset): Steps<Bitset> {
  switch (plan.op) {
    case 'all': return Bitset.all(n);
    case 'none': return new Bitset(n);
    case 'not': return (yield* evaluateSteps(plan.kid, index, n)).not();
    case 'and': {
      let acc: Bitset | undefined;
      for (const kid of [...plan.kids].sort((a, b) => cost(a) - cost(b))) {
        const bits = yield* evaluateSteps(kid, index, n, acc ?? within);
        acc = acc === undefined ? bits : acc.and(bits);
        if (acc.isEmpty()) break;
      }
      return acc ?? Bitset.all(n);
    }
    case 'or': {
      const acc = new Bitset(n);
      for (const kid of mergeDictAlternatives(flattenOr(plan.kids))) acc.or(yield* evaluateSteps(kid, index, n, within));
      return acc;
    }
    case 'dict': yield 1; return scanDict(plan.field, plan.table, n);
    case 'dictIds': yield 1; return scanDict(plan.field, idTable(plan.field, [plan.ids]), n);
    case 'numRange': yield 1; return scanRange(plan.field, plan.lo, plan.hi, plan.loIncl, plan.hiIncl, n);
    case 'numTest': yield 1; return scanNumTest(plan.field, plan.re, n, within);
    case 'textContains': return yield* scanContains(plan.field, plan.needle, n);
    case 'textTest': return yield* scanTest(plan.field, plan.re, n, within);
    case 'textExists': yield 1; return scanTextExists(plan.field, n);
    case 'free': return yield* scanFree(index, n, { needle: plan.needle });
    case 'freeTest': return yield* scanFree(index, n, { re: plan.re }, within);
  }
}

/** Runs the plan to its end over every row of the index (no slicing). */
export function evaluatePlan(plan: Plan, index: CaseIndex, within?: Bitset): Bitset {
  const steps = evaluateSteps(plan, index, index.rowCount, within);
  for (;;) {
    const s = steps.next();
    if (s.done === true) return s.value;
  }
}

/** Work units a plan will yield, for a progress fraction (text scans count their chunks). */
export function planUnits(plan: Plan, index: CaseIndex): number {
  switch (plan.op) {
    case 'all': case 'none': return 0;
    case 'not': return planUnits(plan.kid, index);
    case 'and': case 'or': return plan.kids.reduce((t, k) => t + planUnits(k, index), 0);
    case 'textContains': case 'textTest': return plan.field.segments.length;
    case 'free': case 'freeTest': return textSegments(index, 'message') + textSegments(index, 'raw');
    default: return 1;
  }
}

function textSegments(index: CaseIndex, name: string): number {
  const f = index.field(name);
  return f?.kind === 'text' ? f.segments.length : 0;
}

/** Rough cost order inside an and: cheap column scans first so expensive tests see fewer rows. */
function cost(p: Plan): number {
  switch (p.op) {
    case 'none': return 0;
    case 'dict': case 'dictIds': case 'numRange': case 'all': return 1;
    case 'and': case 'or': {
      let worst = 0;
      for (const k of p.kids) worst = Math.max(worst, cost(k));
      return 2 + worst;
    }
    case 'not': return 2 + cost(p.kid);
    case 'textContains': case 'free': case 'textExists': return 5;
    case 'numTest': case 'textTest': case 'freeTest': return 9;
  }
}

/** `a or (b or c)`: one list, so alternatives on one field merge however they were grouped (`user.name` is an or). */
/** `none` alternatives (an alias's absent field) add nothing and are dropped. */
function flattenOr(kids: Plan[]): Plan[] {
  if (!kids.some((k) => k.op === 'or' || k.op === 'none')) return kids;
  const out: Plan[] = [];
  const stack = [...kids].reverse();
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (k.op === 'or') for (let i = k.kids.length - 1; i >= 0; i--) stack.push(k.kids[i]);
    else if (k.op !== 'none') out.push(k);
  }
  return out;
}

/** `user:(a or b or c*)`: alternatives on one keyword field become one table and one scan. */
function mergeDictAlternatives(kids: Plan[]): Plan[] {
  const tables = new Map<DictField, Uint8Array[]>(), idLists = new Map<DictField, (readonly number[])[]>();
  const out: Plan[] = [];
  for (const k of kids) {
    if (k.op === 'dict') (tables.get(k.field) ?? tables.set(k.field, []).get(k.field)!).push(k.table);
    else if (k.op === 'dictIds') (idLists.get(k.field) ?? idLists.set(k.field, []).get(k.field)!).push(k.ids);
    else out.push(k);
  }
  for (const field of new Set([...tables.keys(), ...idLists.keys()])) {
    const table = idTable(field, idLists.get(field) ?? []);
    for (const t of tables.get(field) ?? []) for (let i = 0; i < t.length; i++) table[i] |= t[i];
    out.push({ op: 'dict', field, table });
  }
  return out;
}

function idTable(field: DictField, lists: readonly (readonly number[])[]): Uint8Array {
  const table = new Uint8Array(field.values.length + 1);
  for (const ids of lists) for (const id of ids) table[id] = 1;
  return table;
}

function scanDict(field: DictField, table: Uint8Array, n: number): Bitset {
  const out = new Bitset(n);
  let any = false;
  for (let i = 1; i < table.length; i++) if (table[i] !== 0) { any = true; break; }
  if (!any) return out;
  fillWords(out.words, field.ids, table, n);
  return out;
}

// one word at a time: 32 table lookups, one store
function fillWords(words: Uint32Array, ids: IdArray, table: Uint8Array, n: number): void {
  const full = n >>> 5;
  for (let w = 0; w < full; w++) {
    const base = w << 5;
    let bits = 0;
    for (let b = 0; b < 32; b++) bits |= table[ids[base + b]] << b;
    words[w] = bits;
  }
  for (let r = full << 5; r < n; r++) if (table[ids[r]] !== 0) words[r >>> 5] |= 1 << (r & 31);
}

function scanRange(field: NumField, lo: number, hi: number, loIncl: boolean, hiIncl: boolean, n: number): Bitset {
  const out = new Bitset(n), v = field.values, words = out.words;
  for (let r = 0; r < n; r++) {
    const x = v[r];
    if ((loIncl ? x >= lo : x > lo) && (hiIncl ? x <= hi : x < hi)) words[r >>> 5] |= 1 << (r & 31);
  }
  return out;
}

function scanNumTest(field: NumField, re: LinearRegex, n: number, within?: Bitset): Bitset {
  const out = new Bitset(n), v = field.values;
  // few distinct numbers (status codes, ports): remember each answer
  const seen = new Map<number, boolean>();
  for (let r = 0; r < n; r++) {
    const x = v[r];
    if (x !== x || (within !== undefined && !within.has(r))) continue;
    let hit = seen.get(x);
    if (hit === undefined) {
      hit = re.test(String(x));
      if (seen.size < 100_000) seen.set(x, hit);
    }
    if (hit) out.set(r);
  }
  return out;
}

function scanTextExists(field: TextField, n: number): Bitset {
  const out = new Bitset(n);
  for (const seg of field.segments) {
    if (seg.base >= n) break;
    let prev = 0;
    const spans = seg.spans?.length;
    for (let i = 0; i < seg.count; i++) {
      // a span of raw (chunk format 4) leaves the row's own span empty
      if (seg.ends[i] > prev || (spans !== undefined && spans[i] > 0)) out.set(seg.base + i);
      prev = seg.ends[i];
    }
    const wide = seg.wide?.rows ?? [];
    for (let i = 0; i < wide.length; i++) out.set(seg.base + wide[i]);
  }
  return out;
}
