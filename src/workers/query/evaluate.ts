// Plan -> Bitset of matching rows. Keyword terms are one pass over an id array through a lookup
// table; ranges one pass over a Float64Array; free text is indexOf over each chunk's joined,
// lower-cased text with hits mapped to rows by binary search. `not` is a complement.
import { Bitset } from './bitset.ts';
import type { CaseIndex } from './caseIndex.ts';
import type { DictField, IdArray, NumField, TextField } from './fields.ts';
import type { Plan } from './plan.ts';
import { scanContains, scanFree, scanTest } from './textScan.ts';

/**
 * Rows matching the plan. `within`, when given, is a set the caller will intersect with anyway:
 * row-by-row tests (regexes) skip rows outside it, which makes `outcome:failure and message:/.../` cheap.
 */
export function evaluatePlan(plan: Plan, index: CaseIndex, within?: Bitset): Bitset {
  const n = index.rowCount;
  switch (plan.op) {
    case 'all': return Bitset.all(n);
    case 'none': return new Bitset(n);
    case 'not': return evaluatePlan(plan.kid, index).not();
    case 'and': {
      let acc: Bitset | undefined;
      for (const kid of [...plan.kids].sort((a, b) => cost(a) - cost(b))) {
        const bits = evaluatePlan(kid, index, acc ?? within);
        acc = acc === undefined ? bits : acc.and(bits);
        if (acc.isEmpty()) break;
      }
      return acc ?? Bitset.all(n);
    }
    case 'or': {
      const acc = new Bitset(n);
      for (const kid of mergeDictAlternatives(plan.kids)) acc.or(evaluatePlan(kid, index, within));
      return acc;
    }
    case 'dict': return scanDict(plan.field, plan.table, n);
    case 'numRange': return scanRange(plan.field, plan.lo, plan.hi, plan.loIncl, plan.hiIncl, n);
    case 'numTest': return scanNumTest(plan.field, plan.re, n, within);
    case 'textContains': return scanContains(plan.field, plan.needle, n);
    case 'textTest': return scanTest(plan.field, plan.re, n, within);
    case 'textExists': return scanTextExists(plan.field, n);
    case 'free': return scanFree(index, n, { needle: plan.needle });
    case 'freeTest': return scanFree(index, n, { re: plan.re }, within);
  }
}

/** Rough cost order inside an and: cheap column scans first so expensive tests see fewer rows. */
function cost(p: Plan): number {
  switch (p.op) {
    case 'none': return 0;
    case 'dict': case 'numRange': case 'all': return 1;
    case 'and': case 'or': return 2 + Math.max(0, ...p.kids.map(cost));
    case 'not': return 2 + cost(p.kid);
    case 'textContains': case 'free': case 'textExists': return 5;
    case 'numTest': case 'textTest': case 'freeTest': return 9;
  }
}

/** `user:(a or b or c*)`: alternatives on one keyword field become one table and one scan. */
function mergeDictAlternatives(kids: Plan[]): Plan[] {
  const byField = new Map<DictField, Uint8Array>();
  const out: Plan[] = [];
  for (const k of kids) {
    if (k.op !== 'dict') { out.push(k); continue; }
    const prev = byField.get(k.field);
    if (prev === undefined) byField.set(k.field, k.table.slice());
    else for (let i = 0; i < prev.length; i++) prev[i] |= k.table[i];
  }
  for (const [field, table] of byField) out.push({ op: 'dict', field, table });
  return out;
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

function scanNumTest(field: NumField, re: RegExp, n: number, within?: Bitset): Bitset {
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
    let prev = 0;
    for (let i = 0; i < seg.count; i++) {
      if (seg.ends[i] > prev) out.set(seg.base + i);
      prev = seg.ends[i];
    }
  }
  return out;
}
