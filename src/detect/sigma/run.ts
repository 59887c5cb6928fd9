// Runs a loaded rule set over one case: rules -> matching rows, correlations -> windows, then alerts and
// the coverage report (every document active, inactive or rejected, with the reason, file and line).
import type { Alert, EventTable } from '../types.ts';
import { CaseBinding } from './binding.ts';
import { reader } from './valuePred.ts';
import { registerRule, rulePred } from './compile.ts';
import { correlate, type Occurrence } from './correlate.ts';
import { ruleRows } from './narrow.ts';
import type { SigmaCorrelation, SigmaFilter, SigmaRule } from './model.ts';
import type { RuleSet } from './loader.ts';
import { describeLogsource, logsourceCovers, sourceVariants, type SourceVariant } from './sources.ts';
import { appendAll } from '../../core/appendAll.ts';

export interface SigmaRunOptions {
  /** evidence rows kept per alert (count says how many there are); default 100 */
  maxEvidence?: number;
  /** rule/correlation ids to leave out (disabled in the UI) */
  disabled?: ReadonlySet<string>;
  /**
   * Evaluate only these rule/correlation ids (a closure from `dependents`): alerts and coverage come for them
   * alone, and are what a full run gives for them. Unset: every document.
   */
  only?: ReadonlySet<string>;
}

/**
 * The documents whose results change when `ids` change (turned on or off): the ids, the correlations that
 * use them (chains included), and the rules those correlations read. Re-running this set (`only`) and keeping
 * every other document's results gives what a full run gives.
 */
export function dependents(set: RuleSet, ids: Iterable<string>): Set<string> {
  const byRef = new Map<string, SigmaRule | SigmaCorrelation>();
  for (const d of [...set.rules, ...set.correlations]) {
    byRef.set(d.id, d);
    if (d.name !== undefined) byRef.set(d.name, d);
  }
  const refsOf = (c: SigmaCorrelation) => c.rules.map((r) => byRef.get(r)).filter((d): d is SigmaRule | SigmaCorrelation => d !== undefined);
  const out = new Set(ids);
  // upwards: correlations reading anything in the set, until nothing is added
  for (let grew = true; grew;) {
    grew = false;
    for (const c of set.correlations) if (!out.has(c.id) && refsOf(c).some((d) => out.has(d.id))) {
      out.add(c.id);
      grew = true;
    }
  }
  // downwards: what those correlations read (chains, each once)
  const seen = new Set<string>();
  const down = (d: SigmaRule | SigmaCorrelation): void => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    out.add(d.id);
    if (d.kind === 'correlation') for (const r of refsOf(d)) down(r);
  };
  for (const c of set.correlations) if (out.has(c.id)) down(c);
  return out;
}

export type CoverageStatus = 'active' | 'inactive' | 'rejected';

export interface CoverageEntry {
  /** rule id (or title / file when the document was rejected before its id could be read) */
  id: string;
  title: string;
  kind: 'rule' | 'correlation' | 'filter' | 'unknown';
  status: CoverageStatus;
  /** why inactive or rejected */
  reason?: string;
  file: string;
  line: number;
  logsource?: string;
  /** matching events (rules) or alerts (correlations) */
  matches: number;
}

export interface RuleMatches {
  rule: SigmaRule;
  /** matching rows, ascending */
  rows: Uint32Array;
  /** the source variant each matched row matched through (field mapping for correlations); undefined for other rows */
  variantOf: { get(row: number): SourceVariant | undefined };
  /** set when the rule has one variant with rows: every match came through it */
  variant?: SourceVariant;
}

export interface SigmaRun {
  alerts: Alert[];
  coverage: CoverageEntry[];
  matches: Map<string, RuleMatches>;
}

/** Whether a Sigma filter document applies to a rule (its log source covers the rule's, and it names the rule or any). */
export function filterApplies(f: SigmaFilter, rule: SigmaRule): boolean {
  return logsourceCovers(f.logsource, rule.logsource)
    && (f.rules === 'any' || f.rules.includes(rule.id) || (rule.name !== undefined && f.rules.includes(rule.name)));
}

function filtersFor(rule: SigmaRule, filters: readonly SigmaFilter[]): SigmaFilter[] {
  return filters.filter((f) => filterApplies(f, rule));
}

/** The coverage of what a set holds besides rules and correlations: its filters and its rejected documents. */
export function setCoverage(set: RuleSet): CoverageEntry[] {
  return [
    ...set.filters.map((f): CoverageEntry => ({ id: f.id, title: f.title, kind: 'filter', status: 'active', file: f.file, line: f.line, logsource: describeLogsource(f.logsource), matches: 0 })),
    ...set.issues.map((is): CoverageEntry => ({ id: is.rule ?? `${is.file}:${is.line}`, title: is.rule ?? is.file, kind: 'unknown', status: 'rejected', reason: is.message, file: is.file, line: is.line, matches: 0 })),
  ];
}

/** Plain rules listed in the coverage report (the hidden halves of legacy aggregations are not). */
export function listedRule(rule: SigmaRule): boolean {
  return !rule.id.endsWith('#events');
}

/**
 * A rule bound to the case: its source variants with events, their candidate rows, and the predicate, built
 * only when rows are left once narrowed (registering the rule's looked-for texts comes first, for every rule).
 */
interface BoundRule {
  rule: SigmaRule;
  filters: SigmaFilter[];
  variants: { v: SourceVariant; rows: Uint32Array }[];
  mapped: boolean;
  candidates: number;
}

function bindRule(rule: SigmaRule, filters: SigmaFilter[], b: CaseBinding): BoundRule {
  const variants = sourceVariants(rule.logsource);
  const out: BoundRule = { rule, filters, variants: [], mapped: variants.length > 0, candidates: 0 };
  for (const v of variants) {
    const rows = b.rows(v);
    if (rows.length === 0) continue;
    out.candidates += rows.length;
    registerRule(rule, filters, b, v);
    out.variants.push({ v, rows });
  }
  return out;
}

/**
 * Offers a bound rule only the rows it can match; a variant no event can satisfy is dropped (the rule still
 * counts as active: its log source has events). Runs once every rule has bound (narrow.ts).
 */
function narrowRule(bound: BoundRule, b: CaseBinding): void {
  bound.variants = bound.variants
    .map((x) => ({ ...x, rows: ruleRows(bound.rule, b, x.v, x.rows) }))
    .filter((x) => x.rows.length > 0);
}

function matchRule(bound: BoundRule, b: CaseBinding): RuleMatches {
  if (bound.variants.length <= 1) {
    // one variant: every match read through it (no per-row bookkeeping)
    const one = bound.variants[0];
    if (one === undefined) return { rule: bound.rule, rows: new Uint32Array(0), variantOf: { get: () => undefined } };
    const pred = rulePred(bound.rule, bound.filters, b, one.v);
    const cand = one.rows;
    const hit = b.scratch(cand.length);
    let n = 0;
    for (let k = 0; k < cand.length; k++) if (pred(cand[k])) hit[n++] = cand[k];
    const rows = hit.slice(0, n);
    return { rule: bound.rule, rows, variantOf: { get: (row) => (sortedHas(rows, row) ? one.v : undefined) }, variant: one.v };
  }
  const variantOf = new Map<number, SourceVariant>();
  for (const { v, rows: cand } of bound.variants) {
    const pred = rulePred(bound.rule, bound.filters, b, v);
    for (let k = 0; k < cand.length; k++) {
      const r = cand[k];
      if (!variantOf.has(r) && pred(r)) variantOf.set(r, v);
    }
  }
  return { rule: bound.rule, rows: Uint32Array.from(variantOf.keys()).sort(), variantOf };
}

/** Whether an ascending array holds a value (binary search). */
function sortedHas(a: Uint32Array, x: number): boolean {
  let lo = 0, hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] === x) return true;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Reads a Sigma field of a matched row through its variant's mapping. */
function rowReader(b: CaseBinding, m: RuleMatches): (row: number, field: string) => string | undefined {
  const cache = new Map<SourceVariant, Map<string, (row: number) => string | undefined>>();
  return (row, field) => {
    const v = m.variant ?? m.variantOf.get(row);
    if (v === undefined) return undefined;
    let byField = cache.get(v);
    if (byField === undefined) cache.set(v, byField = new Map());
    let read = byField.get(field);
    if (read === undefined) {
      const name = b.resolve(field, v);
      read = reader(name === undefined ? undefined : b.column(name));
      byField.set(field, read);
    }
    return read(row);
  };
}

/** Makes the alerts of plain rules (one per matching event), with the columns they read resolved once per run. */
function plainAlerts(t: EventTable, b: CaseBinding): (rule: SigmaRule, row: number) => Alert {
  const file = b.column('col.file'), line = b.column('col.line'), msgCol = b.column('message');
  const fileIds = file?.kind === 'dict' ? file.ids : undefined, files = file?.kind === 'dict' ? file.values : [];
  const lines = line?.kind === 'num' ? line.values : undefined;
  const messageOf = msgCol?.kind === 'text' ? (row: number) => msgCol.valueOf(row) : () => undefined;
  return (rule, row) => {
    const ts = t.tsOf(row);
    const fid = fileIds === undefined ? 0 : fileIds[row];
    const l = lines === undefined ? NaN : lines[row];
    const where = fid !== 0 && l === l ? `${files[fid - 1]}#${l}` : `row${row}`;
    const text = messageOf(row);
    return {
      id: `${rule.id}|${where}`, ruleId: rule.id, ruleName: rule.title, source: 'sigma', severity: rule.level,
      ts, lastTs: ts, group: {}, count: 1, evidence: [row],
      message: text !== undefined ? `${rule.title}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}` : rule.title,
    };
  };
}

function spanText(ms: number): string {
  return ms % 864e5 === 0 ? `${ms / 864e5}d` : ms % 36e5 === 0 ? `${ms / 36e5}h` : ms % 6e4 === 0 ? `${ms / 6e4}m` : `${ms / 1e3}s`;
}

export function runSigma(set: RuleSet, table: EventTable, opts: SigmaRunOptions = {}): SigmaRun {
  const steps = sigmaSteps(set, table, opts);
  for (;;) {
    const s = steps.next();
    if (s.done === true) return s.value;
  }
}

/**
 * The run as steps: it pauses (yields) after each rule is bound, narrowed and matched and after each
 * correlation, so a caller can give the event loop a turn between them (paced.ts); the steps are the same
 * whether it pauses or not, so the result is runSigma's.
 */
export function* sigmaSteps(set: RuleSet, table: EventTable, opts: SigmaRunOptions = {}): Generator<void, SigmaRun, void> {
  const maxEvidence = opts.maxEvidence ?? 100;
  const disabled = opts.disabled ?? new Set<string>();
  const only = opts.only;
  const wanted = (id: string) => only === undefined || only.has(id);
  const b = new CaseBinding(table);
  const coverage: CoverageEntry[] = [];
  const matches = new Map<string, RuleMatches>();
  const byRef = new Map<string, SigmaRule | SigmaCorrelation>();
  for (const d of [...set.rules, ...set.correlations]) {
    byRef.set(d.id, d);
    if (d.name !== undefined) byRef.set(d.name, d);
  }
  // referenced rules alert on their own only when a referencing correlation says `generate: true`
  const quiet = new Set<string>();
  const loud = new Set<string>();
  for (const c of set.correlations) for (const r of c.rules) {
    const d = byRef.get(r);
    if (d !== undefined) (c.generate ? loud : quiet).add(d.id);
  }

  const alerts: Alert[] = [];
  const plainAlert = plainAlerts(table, b);
  const candidatesOf = new Map<string, number>();
  // bind every rule first: the multi-pattern indexes need all patterns before the first search
  const bound = new Map<string, BoundRule>();
  for (const rule of set.rules) if (!disabled.has(rule.id) && wanted(rule.id)) {
    bound.set(rule.id, bindRule(rule, filtersFor(rule, set.filters), b));
    yield;
  }
  for (const br of bound.values()) {
    narrowRule(br, b);
    yield;
  }
  for (const rule of set.rules) {
    if (!wanted(rule.id)) continue;
    yield;
    const hidden = !listedRule(rule);
    if (disabled.has(rule.id)) {
      coverage.push({ id: rule.id, title: rule.title, kind: 'rule', status: 'inactive', reason: 'disabled', file: rule.file, line: rule.line, logsource: describeLogsource(rule.logsource), matches: 0 });
      continue;
    }
    const br = bound.get(rule.id) as BoundRule;
    const m = matchRule(br, b);
    const candidates = br.candidates;
    matches.set(rule.id, m);
    candidatesOf.set(rule.id, candidates);
    if (!hidden) {
      const reason = !br.mapped ? `Logdrop has no mapping for logsource (${describeLogsource(rule.logsource)})`
        : candidates === 0 ? `no events of this log source (${describeLogsource(rule.logsource)}) in the case` : undefined;
      coverage.push({ id: rule.id, title: rule.title, kind: 'rule', status: reason === undefined ? 'active' : 'inactive', reason, file: rule.file, line: rule.line, logsource: describeLogsource(rule.logsource), matches: m.rows.length });
    }
    if (hidden || (quiet.has(rule.id) && !loud.has(rule.id))) continue;
    for (const r of m.rows) alerts.push(plainAlert(rule, r));
  }

  // correlations, referenced ones first (chains), each evaluated once
  const corrOut = new Map<string, Occurrence[]>();
  const corrCoverage = new Map<string, CoverageEntry>();
  const visiting = new Set<string>();
  const occurrencesOf = (d: SigmaRule | SigmaCorrelation, ref: number): Occurrence[] => {
    if (d.kind === 'rule') {
      const m = matches.get(d.id);
      if (m === undefined) return [];
      const read = rowReader(b, m);
      return Array.from(m.rows, (row) => {
        const ts = table.tsOf(row);
        return { ts, first: ts, ref, rows: [row], count: 1, get: (f: string) => read(row, f) };
      });
    }
    return (runCorrelation(d) ?? []).map((o) => ({ ...o, ref }));
  };
  const runCorrelation = (c: SigmaCorrelation): Occurrence[] | undefined => {
    const done = corrOut.get(c.id);
    if (done !== undefined) return done;
    if (visiting.has(c.id)) return undefined;
    visiting.add(c.id);
    const refs = c.rules.map((r) => byRef.get(r)).filter((d): d is SigmaRule | SigmaCorrelation => d !== undefined);
    const names = refs.map((d) => [d.id, ...(d.name !== undefined ? [d.name] : [])]);
    const occ = refs.flatMap((d, i) => occurrencesOf(d, i));
    const hits = disabled.has(c.id) ? [] : correlate(c, names, occ, maxEvidence);
    const out: Occurrence[] = hits.map((h) => ({
      ts: h.end, first: h.start, ref: 0, rows: h.rows, count: h.count, get: (f: string) => h.group[f],
    }));
    corrOut.set(c.id, out);
    const chained = quiet.has(c.id) && !loud.has(c.id);
    if (!chained) for (const h of hits) {
      const groupText = Object.entries(h.group).map(([k, v]) => `${k}=${v}`).join(', ');
      alerts.push({
        id: `${c.id}|${h.groupKey}|${h.start}`, ruleId: c.id, ruleName: c.title, source: 'sigma', severity: c.level,
        ts: h.start, lastTs: h.end, group: { ...h.group }, count: h.count, evidence: h.rows,
        message: `${c.title}: ${c.type} ${Number.isInteger(h.metric) ? h.metric : h.metric.toFixed(2)}${groupText ? ` for ${groupText}` : ''} within ${spanText(c.timespanMs)}`,
      });
    }
    const active = refs.some((d) => d.kind === 'correlation' || (candidatesOf.get(d.id) ?? 0) > 0);
    corrCoverage.set(c.id, { id: c.id, title: c.title, kind: 'correlation', status: disabled.has(c.id) ? 'inactive' : active ? 'active' : 'inactive', reason: disabled.has(c.id) ? 'disabled' : active ? undefined : 'none of its rules has events in the case', file: c.file, line: c.line, matches: hits.length });
    visiting.delete(c.id);
    return out;
  };
  for (const c of set.correlations) if (wanted(c.id)) {
    runCorrelation(c);
    yield;
  }
  // coverage in the set's order (rules, correlations, filters, rejected), whatever order chains ran in
  for (const c of set.correlations) {
    const entry = corrCoverage.get(c.id);
    if (entry !== undefined) coverage.push(entry);
  }
  if (only === undefined) appendAll(coverage, setCoverage(set));
  alerts.sort((x, y) => x.ts - y.ts || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { alerts, coverage, matches };
}
