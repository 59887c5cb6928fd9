// One YAML document -> a rule, correlation or filter, validating as it goes. Problems are collected with
// the YAML path of the offending key (loader.ts turns paths into lines), never thrown: one bad rule in a
// repository of thousands must not stop the others.
import { SEVERITIES, type Severity } from '../types.ts';
import { ConditionError, parseAggregation, parseCondition } from './condition.ts';
import type { CompareOp, CondNode, CorrelationType, Detection, DetectionItem, LogSource, SigmaCorrelation, SigmaDocument, SigmaFilter, SigmaRule } from './model.ts';
import { compileItem, SigmaValueError, type ItemContext } from './modifiers.ts';

export type Path = (string | number)[];
export interface PathIssue { path: Path; message: string }

type Item = DetectionItem;

const CORRELATION_TYPES: readonly CorrelationType[] = [
  'event_count', 'value_count', 'temporal', 'temporal_ordered', 'value_sum', 'value_avg', 'value_percentile',
];
const OPS: readonly CompareOp[] = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

export function parseTimespan(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^(\d+)([smhdw])$/.exec(v.trim()) : null;
  if (m === null) return undefined;
  return Number(m[1]) * { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 }[m[2] as 's' | 'm' | 'h' | 'd' | 'w'];
}

function strList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

class DocParser {
  readonly issues: PathIssue[] = [];
  constructor(readonly ctx: ItemContext) {}

  fail(path: Path, message: string): void {
    this.issues.push({ path, message });
  }

  item(key: string, value: unknown, path: Path): Item | undefined {
    const [field, ...mods] = key.split('|');
    const values = Array.isArray(value) ? value : [value];
    const keyword = field === '';
    // keywords are full-text: a value is found anywhere in the event text
    const modifiers = keyword && !mods.includes('re') && !mods.includes('contains') ? [...mods, 'contains'] : mods;
    if (values.some((v) => isObj(v) || Array.isArray(v))) {
      this.fail(path, `value of '${key}' must be a value or a list of values`);
      return undefined;
    }
    try {
      return { ...compileItem(keyword ? null : field, modifiers, values, this.ctx), path };
    } catch (e) {
      if (e instanceof SigmaValueError) {
        this.fail(path, `${key}: ${e.message}`);
        return undefined;
      }
      throw e;
    }
  }

  detection(def: unknown, path: Path): Detection | undefined {
    if (isObj(def)) {
      const items: Item[] = [];
      for (const key of Object.keys(def)) {
        const it = this.item(key, def[key], [...path, key]);
        if (it === undefined) return undefined;
        items.push(it);
      }
      if (items.length === 0) this.fail(path, 'empty search identifier');
      return { op: 'and', items };
    }
    if (Array.isArray(def)) {
      const items: (Item | Detection)[] = [];
      const words: unknown[] = [];
      for (let i = 0; i < def.length; i++) {
        const e = def[i];
        if (isObj(e)) {
          const d = this.detection(e, [...path, i]);
          if (d === undefined) return undefined;
          items.push(d);
        } else if (Array.isArray(e)) {
          this.fail([...path, i], 'nested lists are not allowed in a detection');
          return undefined;
        } else words.push(e);
      }
      if (words.length > 0) {
        const kw = this.item('', words, path);
        if (kw === undefined) return undefined;
        items.push(kw);
      }
      if (items.length === 0) this.fail(path, 'empty search identifier');
      return { op: 'or', items };
    }
    if (typeof def === 'string' || typeof def === 'number') {
      const kw = this.item('', [def], path);
      return kw === undefined ? undefined : { op: 'or', items: [kw] };
    }
    this.fail(path, 'a search identifier must be a map, a list or a keyword');
    return undefined;
  }

  detections(def: Obj, path: Path, skip: readonly string[]): Map<string, Detection> | undefined {
    const out = new Map<string, Detection>();
    for (const name of Object.keys(def)) {
      if (skip.includes(name)) continue;
      const d = this.detection(def[name], [...path, name]);
      if (d === undefined) return undefined;
      out.set(name, d);
    }
    return out;
  }

  condition(text: string, names: string[], path: Path): CondNode | undefined {
    try {
      return parseCondition(text, names);
    } catch (e) {
      if (!(e instanceof ConditionError)) throw e;
      this.fail(path, `condition: ${e.message}`);
      return undefined;
    }
  }
}

interface Common { id: string; name?: string; title: string; level: Severity; description: string; tags: string[] }

function common(p: DocParser, d: Obj, fallbackId: string): Common | undefined {
  const title = own(d, 'title');
  if (typeof title !== 'string' || title.trim() === '') {
    p.fail(['title'], 'a rule needs a title');
    return undefined;
  }
  const rawId = own(d, 'id'), name = own(d, 'name'), level = own(d, 'level');
  if (rawId !== undefined && typeof rawId !== 'string') p.fail(['id'], 'id must be a string');
  if (level !== undefined && !SEVERITIES.includes(String(level).toLowerCase() as Severity)) p.fail(['level'], `unknown level '${String(level)}'`);
  const tags = strList(own(d, 'tags')) ?? [];
  return {
    id: typeof rawId === 'string' && rawId !== '' ? rawId : typeof name === 'string' ? name : fallbackId,
    name: typeof name === 'string' ? name : undefined,
    title,
    level: level === undefined ? 'medium' : (String(level).toLowerCase() as Severity),
    description: typeof own(d, 'description') === 'string' ? (own(d, 'description') as string) : '',
    tags,
  };
}

function logsource(p: DocParser, v: unknown): LogSource | undefined {
  if (!isObj(v)) {
    p.fail(['logsource'], 'logsource must be a map');
    return undefined;
  }
  const out: LogSource = {};
  for (const k of ['product', 'category', 'service'] as const) {
    const x = own(v, k);
    if (x !== undefined && x !== null) out[k] = String(x).toLowerCase();
  }
  return out;
}

export interface Parsed { docs: SigmaDocument[]; issues: PathIssue[] }

type Base = { file: string; doc: number; line: number };

function parseRule(p: DocParser, d: Obj, c: Common, base: Base): SigmaDocument[] {
  const ls = logsource(p, own(d, 'logsource'));
  const det = own(d, 'detection');
  if (!isObj(det)) {
    p.fail(['detection'], 'a rule needs a detection map');
    return [];
  }
  const condRaw = own(det, 'condition');
  const conds = strList(condRaw);
  if (conds === undefined || conds.length === 0) {
    p.fail(['detection', 'condition'], 'detection needs a condition (text or list of texts)');
    return [];
  }
  const detections = p.detections(det, ['detection'], ['condition', 'timeframe']);
  if (detections === undefined || ls === undefined) return [];
  const names = [...detections.keys()];
  const condition: CondNode[] = [];
  const aggregations: string[] = [];
  for (let i = 0; i < conds.length; i++) {
    const path = Array.isArray(condRaw) ? ['detection', 'condition', i] : ['detection', 'condition'];
    const bar = conds[i].indexOf('|');
    if (bar >= 0) aggregations.push(conds[i].slice(bar + 1));
    const node = p.condition(bar >= 0 ? conds[i].slice(0, bar) : conds[i], names, path);
    if (node === undefined) return [];
    condition.push(node);
  }
  const rule: SigmaRule = { kind: 'rule', ...base, ...c, logsource: ls, detections, condition, conditionText: conds };
  if (aggregations.length === 0) return [rule];
  // legacy `selection | count(x) by y > n` + timeframe: the equivalent correlation over a hidden base rule
  if (conds.length > 1) {
    p.fail(['detection', 'condition'], 'an aggregation must be the only condition');
    return [];
  }
  let agg;
  try {
    agg = parseAggregation(aggregations[0]);
  } catch (e) {
    p.fail(['detection', 'condition'], (e as Error).message);
    return [];
  }
  const span = parseTimespan(own(det, 'timeframe') ?? own(d, 'timeframe'));
  if (span === undefined) {
    p.fail(['detection', 'timeframe'], 'an aggregation needs a timeframe such as 10m');
    return [];
  }
  const baseRule: SigmaRule = { ...rule, id: `${c.id}#events`, name: undefined, conditionText: [conds[0].slice(0, conds[0].indexOf('|')).trim()] };
  const type: CorrelationType = agg.fn === 'sum' ? 'value_sum' : agg.fn === 'avg' ? 'value_avg' : agg.field !== undefined ? 'value_count' : 'event_count';
  const corr: SigmaCorrelation = {
    kind: 'correlation', ...base, ...c, type, rules: [baseRule.id], groupBy: agg.groupBy !== undefined ? [agg.groupBy] : [],
    aliases: new Map(), timespanMs: span, condition: [{ op: agg.op, value: agg.value }], field: agg.field, generate: false,
  };
  return [baseRule, corr];
}

function parseCorrelation(p: DocParser, d: Obj, c: Common, base: Base): SigmaCorrelation[] {
  const corr = own(d, 'correlation');
  if (!isObj(corr)) {
    p.fail(['correlation'], 'correlation must be a map');
    return [];
  }
  const type = own(corr, 'type');
  if (!CORRELATION_TYPES.includes(type as CorrelationType)) {
    p.fail(['correlation', 'type'], `unknown correlation type '${String(type)}'`);
    return [];
  }
  const rules = strList(own(corr, 'rules'));
  if (rules === undefined || rules.length === 0) {
    p.fail(['correlation', 'rules'], 'correlation needs rules (ids or names)');
    return [];
  }
  const gb = own(corr, 'group-by');
  const groupBy = gb === undefined ? [] : strList(gb);
  if (groupBy === undefined) {
    p.fail(['correlation', 'group-by'], 'group-by must be a field or a list of fields');
    return [];
  }
  const timespanMs = parseTimespan(own(corr, 'timespan') ?? own(corr, 'timeframe'));
  if (timespanMs === undefined) {
    p.fail(['correlation', 'timespan'], 'timespan must be a number and one of s, m, h, d (e.g. 10m)');
    return [];
  }
  const aliases = new Map<string, Map<string, string>>();
  const al = own(corr, 'aliases');
  if (al !== undefined) {
    if (!isObj(al)) p.fail(['correlation', 'aliases'], 'aliases must be a map');
    else for (const alias of Object.keys(al)) {
      const m = al[alias];
      if (!isObj(m)) {
        p.fail(['correlation', 'aliases', alias], 'an alias maps rule names to fields');
        return [];
      }
      aliases.set(alias, new Map(Object.keys(m).map((k) => [k, String(m[k])])));
    }
  }
  const condition: { op: CompareOp; value: number }[] = [];
  let field: string | undefined;
  const cond = own(corr, 'condition');
  const temporal = type === 'temporal' || type === 'temporal_ordered';
  if (cond === undefined && !temporal) {
    p.fail(['correlation', 'condition'], `a ${String(type)} correlation needs a condition`);
    return [];
  }
  if (cond !== undefined) {
    if (!isObj(cond)) {
      p.fail(['correlation', 'condition'], 'condition must be a map such as {gte: 10}');
      return [];
    }
    for (const k of Object.keys(cond)) {
      if (k === 'field') {
        const f = strList(cond[k]);
        if (f === undefined) p.fail(['correlation', 'condition', k], 'field must be a field name');
        else field = f.join(',');
      } else if (OPS.includes(k as CompareOp) && typeof cond[k] === 'number') condition.push({ op: k as CompareOp, value: cond[k] as number });
      else p.fail(['correlation', 'condition', k], `unknown condition criterion '${k}: ${String(cond[k])}'`);
    }
  }
  if (!temporal && type !== 'event_count' && field === undefined) {
    p.fail(['correlation', 'condition'], `a ${String(type)} correlation needs condition.field`);
    return [];
  }
  if (!temporal && condition.length === 0) {
    p.fail(['correlation', 'condition'], 'condition needs a criterion (gt, gte, lt, lte, eq, neq)');
    return [];
  }
  const gen = own(d, 'generate') ?? own(corr, 'generate');
  return [{
    kind: 'correlation', ...base, ...c, type: type as CorrelationType, rules, groupBy, aliases, timespanMs, condition, field,
    generate: gen === true,
  }];
}

function parseFilter(p: DocParser, d: Obj, c: Common, base: Base): SigmaFilter[] {
  const ls = logsource(p, own(d, 'logsource'));
  const f = own(d, 'filter');
  if (!isObj(f)) {
    p.fail(['filter'], 'filter must be a map');
    return [];
  }
  const rulesRaw = own(f, 'rules');
  const list = strList(rulesRaw);
  const rules = list === undefined || list.length === 0 || (list.length === 1 && ['any', 'all'].includes(list[0].toLowerCase())) ? 'any' : list;
  if (rulesRaw === undefined) p.fail(['filter', 'rules'], "a filter needs rules (ids, names, or 'any')");
  const condText = own(f, 'condition');
  if (typeof condText !== 'string') {
    p.fail(['filter', 'condition'], 'a filter needs one condition');
    return [];
  }
  const detections = p.detections(f, ['filter'], ['condition', 'rules']);
  if (detections === undefined || ls === undefined) return [];
  const condition = p.condition(condText, [...detections.keys()], ['filter', 'condition']);
  if (condition === undefined || rulesRaw === undefined) return [];
  return [{ kind: 'filter', ...base, ...c, logsource: ls, rules, detections, condition }];
}

/** Parses one YAML document (already loaded) of a rule file. */
export function parseDocument(d: unknown, base: Base, ctx: ItemContext): Parsed {
  const p = new DocParser(ctx);
  if (!isObj(d)) {
    p.fail([], 'a Sigma document must be a map');
    return { docs: [], issues: p.issues };
  }
  if (own(d, 'action') !== undefined) {
    p.fail(['action'], 'Sigma 1.x collection actions (action: global/reset/repeat) are not supported');
    return { docs: [], issues: p.issues };
  }
  const c = common(p, d, `${base.file}#${base.doc}`);
  if (c === undefined) return { docs: [], issues: p.issues };
  let docs: SigmaDocument[];
  if (own(d, 'correlation') !== undefined) docs = parseCorrelation(p, d, c, base);
  else if (own(d, 'filter') !== undefined) docs = parseFilter(p, d, c, base);
  else docs = parseRule(p, d, c, base);
  // a document with any problem is rejected whole: a half-read rule would fire wrongly
  return p.issues.length > 0 ? { docs: [], issues: p.issues } : { docs, issues: [] };
}
