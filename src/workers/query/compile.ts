// AST -> Plan against one index: resolves field names (ECS aliases, case-insensitive fallback), reads
// values by the field's kind (keyword, number, time, text) and reports type errors with positions.
// Unknown fields are not errors: they match nothing and produce a warning (a typo shows as 0 hits
// plus the warning; a field that only later files carry is not rejected while ingest runs).
import type { QueryError } from '../api.ts';
import { CORE_FIELDS, NUMERIC_FIELDS } from '../../core/schema.ts';
import { aliasTargets } from './aliases.ts';
import { columnKindOf, TEXT_FIELDS, type Column } from '../chunk/chunk.ts';
import type { CaseIndex } from './caseIndex.ts';
import type { DictField, Field } from './fields.ts';
import type { Node, RangeOp, Value } from './language/ast.ts';
import { QuerySyntaxError, queryError } from './language/errors.ts';
import { dictLookup } from './dictLookup.ts';
import { compileRegex, type LinearRegex } from '../../core/regex.ts';
import { globToRegExp, lowerSameLength } from './text.ts';
import { parseTimeValue } from './timeValue.ts';
import type { Plan } from './plan.ts';

const KNOWN = new Set<string>([...CORE_FIELDS.map((f) => f.name), ...NUMERIC_FIELDS, ...TEXT_FIELDS]);

export interface Compiled { plan: Plan; warnings: QueryError[] }

export function compileQuery(ast: Node, index: CaseIndex, nowMs: number): { ok: true; value: Compiled } | { ok: false; error: QueryError } {
  const c = new Compiler(index, nowMs);
  try {
    return { ok: true, value: { plan: c.node(ast), warnings: c.warnings } };
  } catch (e) {
    // thrown only to unwind on a user error; anything else is a bug
    if (e instanceof QuerySyntaxError) return { ok: false, error: e.error };
    throw e;
  }
}

/**
 * The field names a query name stands for; also used by facets and sorting. A field of that exact name
 * wins over an alias (aliases.ts), then a case-insensitive match of a field.
 */
export function resolveFieldNames(index: CaseIndex, name: string): readonly string[] {
  if (index.field(name) !== undefined) return [name];
  const alias = aliasTargets(name);
  if (alias !== undefined) return alias;
  const lower = name.toLowerCase();
  const loose = index.fieldNames().find((f) => f.toLowerCase() === lower);
  return [loose ?? name];
}

/** One field for facets and sorting: an alias of two fields means its first (`user.name`: target.usr.name). */
export function resolveFieldName(index: CaseIndex, name: string): string {
  return resolveFieldNames(index, name)[0];
}

const fail = (message: string, position: number): never => {
  throw new QuerySyntaxError(queryError(message, position));
};

class Compiler {
  readonly warnings: QueryError[] = [];

  constructor(private readonly index: CaseIndex, private readonly nowMs: number) {}

  node(n: Node): Plan {
    switch (n.type) {
      case 'all': return { op: 'all' };
      case 'and': return { op: 'and', kids: n.children.map((k) => this.node(k)) };
      case 'or': return { op: 'or', kids: n.children.map((k) => this.node(k)) };
      case 'not': return { op: 'not', kid: this.node(n.child) };
      case 'text': return this.freeText(n.value);
      case 'match': return this.perField(n.field, n.pos, (f, name) => this.match(f, name, n.value));
      case 'exists': return this.perField(n.field, n.pos, (f) => this.exists(f));
      case 'range': return this.perField(n.field, n.pos, (f, name) => this.range(f, name, n.op, n.value));
    }
  }

  private perField(name: string, pos: number, build: (f: Field | Column['kind'], name: string) => Plan): Plan {
    const names = resolveFieldNames(this.index, name);
    const kids: Plan[] = [];
    let found = false;
    for (const resolved of names) {
      const field = this.index.field(resolved);
      found ||= field !== undefined;
      // an absent field is still type-checked by its name's kind, so `init.host.port:abc` is an error either way
      const plan = build(field ?? columnKindOf(resolved), resolved);
      kids.push(field === undefined ? { op: 'none' } : plan);
    }
    if (!found && this.index.rowCount > 0) {
      const known = KNOWN.has(names[0]) || aliasTargets(name) !== undefined;
      this.warnings.push(queryError(known ? `no event has the field '${name}'` : `unknown field '${name}': it matches no event`, pos));
    }
    return kids.length === 1 ? kids[0] : { op: 'or', kids };
  }

  private freeText(v: Value): Plan {
    if (v.kind === 'literal') return v.text === '' ? { op: 'all' } : { op: 'free', needle: lowerSameLength(v.text) };
    if (v.kind === 'wildcard') return /^\**$/.test(v.pattern) ? { op: 'all' } : { op: 'freeTest', re: globToRegExp(v.pattern, false) };
    return { op: 'freeTest', re: this.regex(v) };
  }

  private match(f: Field | Column['kind'], name: string, v: Value): Plan {
    const kind = typeof f === 'string' ? f : f.kind;
    if (kind === 'dict') return typeof f === 'object' && f.kind === 'dict' ? this.dictMatch(f, v) : { op: 'none' };
    if (kind === 'num') {
      if (v.kind === 'literal') {
        const span = this.number(name, v);
        const to = span.to ?? span.from;
        return typeof f === 'object' && f.kind === 'num'
          ? { op: 'numRange', field: f, lo: span.from, hi: to, loIncl: true, hiIncl: span.to === undefined }
          : { op: 'none' };
      }
      const re = v.kind === 'wildcard' ? globToRegExp(v.pattern, true) : this.regex(v);
      return typeof f === 'object' && f.kind === 'num' ? { op: 'numTest', field: f, re } : { op: 'none' };
    }
    if (typeof f !== 'object' || f.kind !== 'text') return { op: 'none' };
    if (v.kind === 'literal') return { op: 'textContains', field: f, needle: lowerSameLength(v.text) };
    return { op: 'textTest', field: f, re: v.kind === 'wildcard' ? globToRegExp(v.pattern, false) : this.regex(v) };
  }

  /** Each distinct value is tested once; the scan then only looks ids up in the table. */
  private dictMatch(f: DictField, v: Value): Plan {
    // a literal is a hash probe (lists of thousands of IOCs stay linear); patterns test each distinct value once
    if (v.kind === 'literal') return { op: 'dictIds', field: f, ids: dictLookup(f).literal(v.text, v.quoted) };
    const values = f.values, table = new Uint8Array(values.length + 1);
    const re = v.kind === 'wildcard' ? globToRegExp(v.pattern, true) : this.regex(v);
    for (let i = 0; i < values.length; i++) if (re.test(values[i])) table[i + 1] = 1;
    return { op: 'dict', field: f, table };
  }

  /** Already checked by the lexer, so a failure here is a bug. */
  private regex(v: Value & { kind: 'regex' }): LinearRegex {
    const re = compileRegex(v.source, v.flags);
    return re.ok ? re.value : fail(`invalid regular expression: ${re.error.message}`, v.pos);
  }

  private exists(f: Field | Column['kind']): Plan {
    if (typeof f !== 'object') return { op: 'none' };
    if (f.kind === 'num') return { op: 'numRange', field: f, lo: -Infinity, hi: Infinity, loIncl: true, hiIncl: true };
    if (f.kind === 'text') return { op: 'textExists', field: f };
    const table = new Uint8Array(f.values.length + 1).fill(1);
    table[0] = 0;
    return { op: 'dict', field: f, table };
  }

  private range(f: Field | Column['kind'], name: string, op: RangeOp, v: Value): Plan {
    const kind = typeof f === 'string' ? f : f.kind;
    if (v.kind !== 'literal') return fail('a range needs a number or a time', v.pos); // the parser already ensures this
    if (kind === 'text') return fail(`'${name}' is free text: ranges apply to numbers, times and keyword fields`, v.pos);
    if (kind === 'num') {
      const span = this.number(name, v);
      // `ts <= 2024-10-17` includes that whole day; `ts > 2024-10-17` starts after it
      const lowEdge = op === '>' && span.to !== undefined ? span.to : span.from;
      const highEdge = op === '<=' && span.to !== undefined ? span.to : span.from;
      const bounds = op === '>' || op === '>='
        ? { lo: lowEdge, hi: Infinity, loIncl: op === '>=' || span.to !== undefined, hiIncl: true }
        : { lo: -Infinity, hi: highEdge, loIncl: true, hiIncl: op === '<=' && span.to === undefined };
      return typeof f === 'object' && f.kind === 'num' ? { op: 'numRange', field: f, ...bounds } : { op: 'none' };
    }
    if (typeof f !== 'object' || f.kind !== 'dict') return { op: 'none' };
    // keyword fields holding numbers (obs.process.id, alarm.id): numeric comparison when the bound is a number
    const bound = v.text.trim() === '' ? NaN : Number(v.text);
    const table = new Uint8Array(f.values.length + 1);
    const lows = f.lowerValues(), low = v.text.toLowerCase();
    for (let i = 0; i < lows.length; i++) {
      const x = lows[i];
      let c: number;
      if (bound === bound) {
        const n = x === '' ? NaN : Number(x);
        if (n !== n) continue;
        c = n - bound;
      } else c = x < low ? -1 : x > low ? 1 : 0;
      if (op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0) table[i + 1] = 1;
    }
    return { op: 'dict', field: f, table };
  }

  /** A literal on a numeric field: a time for ts, else a number; anything else is a positioned error. */
  private number(name: string, v: Value & { kind: 'literal' }): { from: number; to?: number } {
    if (name === 'ts') {
      const span = parseTimeValue(v.text, this.nowMs);
      return span ?? fail(`'${v.text}' is not a time: use 2024-10-17, 2024-10-17T12:00, now or now-1h`, v.pos);
    }
    const n = v.text.trim() === '' ? NaN : Number(v.text);
    return Number.isNaN(n) ? fail(`'${v.text}' is not a number, and '${name}' holds numbers`, v.pos) : { from: n };
  }
}
