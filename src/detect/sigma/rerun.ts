// Re-running a case's rules after a change without re-running all of them. Rule files added or removed (or a
// file replaced): only the documents that changed, the correlations reading them and what those read run again;
// every other rule keeps its last alerts and coverage. The merged result is what a full run gives
// (test/detect/sigmaFiles.test.ts). Documents are compared as objects: a RuleLoader keeps the parse of an
// unchanged file, so its documents are the same objects in the next set.
import type { Alert } from '../types.ts';
import type { RuleSet } from './loader.ts';
import type { SigmaCorrelation, SigmaFilter, SigmaRule } from './model.ts';
import { dependents, filterApplies, listedRule, setCoverage, type CoverageEntry, type SigmaRun } from './run.ts';
import { appendAll } from '../../core/appendAll.ts';

/** The part of a run kept between runs: alerts and the coverage report. */
export interface SigmaResult { alerts: Alert[]; coverage: CoverageEntry[] }

export interface SetChange {
  /** documents of the new set to evaluate again (runSigma `only`) */
  only: Set<string>;
  /** ids of the old set that the new one lacks: their alerts go */
  dropped: Set<string>;
}

type Doc = SigmaRule | SigmaCorrelation | SigmaFilter;

const docsOf = (s: RuleSet): Doc[] => [...s.rules, ...s.correlations, ...s.filters];

/**
 * What differs between two loads of a rule set, as documents to evaluate again: added and removed rules and
 * correlations, the rules an added or removed filter applies to, and (through `dependents`, in the set each
 * belongs to) the correlations reading them and the rules those read, whose alerts depend on being read
 * (`generate`).
 */
export function changedDocuments(before: RuleSet, after: RuleSet): SetChange {
  const had = new Set<Doc>(docsOf(before)), has = new Set<Doc>(docsOf(after));
  const touched = (from: RuleSet, other: Set<Doc>): string[] => {
    const ids: string[] = [];
    for (const d of docsOf(from)) {
      if (other.has(d)) continue;
      if (d.kind !== 'filter') ids.push(d.id);
      else for (const r of from.rules) if (filterApplies(d, r)) ids.push(r.id);
    }
    return ids;
  };
  const afterIds = new Set([...after.rules, ...after.correlations].map((d) => d.id));
  const only = dependents(after, touched(after, had));
  for (const id of dependents(before, touched(before, has))) if (afterIds.has(id)) only.add(id);
  const dropped = new Set([...before.rules, ...before.correlations].map((d) => d.id).filter((id) => !afterIds.has(id)));
  return { only, dropped };
}

const byTimeAndId = (x: Alert, y: Alert) => x.ts - y.ts || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * The last result with the `only` documents' results replaced by a partial run's (`part`, over the same set
 * and table) and the dropped ids' alerts removed; coverage in a full run's order. Undefined when the last
 * result lacks a document the partial run did not cover (the caller then runs everything).
 */
export function mergeRun(set: RuleSet, last: SigmaResult, part: SigmaRun | SigmaResult, change: SetChange): SigmaResult | undefined {
  const { only, dropped } = change;
  const alerts = [...last.alerts.filter((a) => !only.has(a.ruleId) && !dropped.has(a.ruleId)), ...part.alerts].sort(byTimeAndId);
  const entries = new Map<string, CoverageEntry>();
  const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;
  for (const c of last.coverage) if (c.kind === 'rule' || c.kind === 'correlation') entries.set(keyOf(c.kind, c.id), c);
  for (const c of part.coverage) if (c.kind === 'rule' || c.kind === 'correlation') entries.set(keyOf(c.kind, c.id), c);
  const coverage: CoverageEntry[] = [];
  for (const d of [...set.rules.filter(listedRule), ...set.correlations]) {
    const entry = entries.get(keyOf(d.kind, d.id));
    if (entry === undefined) return undefined;
    coverage.push(entry);
  }
  appendAll(coverage, setCoverage(set));
  return { alerts, coverage };
}
