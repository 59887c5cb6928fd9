// The open case's Sigma rules: the rule files are kept with the case (case settings), loaded once into a rule
// set, and run over the case's columnar index in the engine worker after every ingest and on every rule change.
// Rules can be turned off by id or by level; the coverage report lists every document of every file.
import type { Alert, EventTable, Severity } from '../../detect/types.ts';
import { SEVERITIES } from '../../detect/types.ts';
import { dependents, loadRules, runSigma, type CoverageEntry, type RuleFile, type RuleSet } from '../../detect/sigma/index.ts';
import type { SigmaCoverageRow, SigmaEnableChange, SigmaStatus } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import { decorateSigmaAlert } from './sigmaEvidence.ts';
import { textHash } from '../../core/textHash.ts';

const RULES_KEY = 'sigma.rules';
const ENABLED_KEY = 'sigma.enabled';

/** What the user turned off, as stored in the case. */
interface Enabled { rules: string[]; levels: Severity[] }

interface LastRun { alerts: Alert[]; coverage: CoverageEntry[]; runMs: number; set?: RuleSet }

/** What a run changed: every Sigma alert (all = true), or only the alerts of these rule ids. */
export interface SigmaChange { alerts: Alert[]; ruleIds?: ReadonlySet<string> }

export class CaseSigma {
  private files: RuleFile[] = [];
  private set: RuleSet | undefined;
  private offRules = new Set<string>();
  private offLevels = new Set<Severity>();
  private last: LastRun = { alerts: [], coverage: [], runMs: 0 };
  /** revision() cached until the files or what is turned off change */
  private rev: string | undefined;

  private constructor(private readonly store: CaseStore) {}

  /** Reads the case's rule files and what is turned off (the alerts of the last run come from the alerts store). */
  static async load(store: CaseStore, stored: Alert[]): Promise<CaseSigma> {
    const s = new CaseSigma(store);
    s.files = (await store.getSetting<RuleFile[]>(RULES_KEY)) ?? [];
    const enabled = await store.getSetting<Enabled>(ENABLED_KEY);
    s.offRules = new Set(enabled?.rules ?? []);
    s.offLevels = new Set(enabled?.levels ?? []);
    s.last = { ...s.last, alerts: stored };
    return s;
  }

  get alerts(): Alert[] {
    return this.last.alerts;
  }

  get hasRules(): boolean {
    return this.files.length > 0;
  }

  /** the last run's coverage report (kept with the detection stamp) */
  get coverage(): CoverageEntry[] {
    return this.last.coverage;
  }

  /** The coverage of the stored alerts' run, when the case opens on alerts that are still current. */
  restoreCoverage(coverage: CoverageEntry[]): void {
    this.last = { ...this.last, coverage };
  }

  /** Identity of what the rules give: the rule files (path and text) and what is turned off. */
  revision(): string {
    return (this.rev ??= this.computeRevision());
  }

  private computeRevision(): string {
    const hash = textHash(this.files.flatMap((f) => [f.path, f.text]));
    return `${this.files.length}:${hash}:${[...this.offRules].sort().join(',')}:${[...this.offLevels].sort().join(',')}`;
  }

  private ruleSet(): RuleSet {
    return (this.set ??= loadRules(this.files));
  }

  /** Rule and correlation ids turned off, by id or by level. */
  private disabled(set: RuleSet): Set<string> {
    const out = new Set(this.offRules);
    for (const d of [...set.rules, ...set.correlations]) if (this.offLevels.has(d.level)) out.add(d.id);
    return out;
  }

  /**
   * Runs the enabled rules over the case: all of them, or (`changed`: ids turned on or off since the last run
   * of the same rule set) only those and the correlations depending on them, keeping every other rule's
   * alerts and coverage. Returns what changed (the caller stores it).
   */
  run(table: EventTable, changed?: Iterable<string>): SigmaChange {
    const t0 = performance.now();
    if (this.files.length === 0) {
      this.last = { alerts: [], coverage: [], runMs: 0 };
      return { alerts: [] };
    }
    const set = this.ruleSet();
    const disabled = this.disabled(set);
    if (changed !== undefined && this.last.set === set) {
      const only = dependents(set, changed);
      const r = runSigma(set, table, { disabled, only });
      const fresh = new Map(r.coverage.map((c) => [c.id, c]));
      const alerts = r.alerts.map((a) => decorateSigmaAlert(table, a));
      const merged = [...this.last.alerts.filter((a) => !only.has(a.ruleId)), ...alerts]
        .sort((x, y) => x.ts - y.ts || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      const coverage = this.last.coverage.map((c) => (c.kind !== 'unknown' && only.has(c.id) ? fresh.get(c.id) ?? c : c));
      this.last = { alerts: merged, coverage, runMs: performance.now() - t0, set };
      return { alerts, ruleIds: only };
    }
    const r = runSigma(set, table, { disabled });
    this.last = { alerts: r.alerts.map((a) => decorateSigmaAlert(table, a)), coverage: r.coverage, runMs: performance.now() - t0, set };
    return { alerts: this.last.alerts };
  }

  /** Adds rule files (a file of the same path replaces the one loaded before) and keeps them with the case. */
  async add(files: readonly RuleFile[]): Promise<void> {
    const byPath = new Map(this.files.map((f) => [f.path, f]));
    for (const f of files) byPath.set(f.path, f);
    this.files = [...byPath.values()];
    this.set = undefined;
    this.rev = undefined;
    await this.store.setSetting(RULES_KEY, this.files);
  }

  async clear(): Promise<void> {
    this.files = [];
    this.set = undefined;
    this.rev = undefined;
    this.offRules.clear();
    await Promise.all([this.store.setSetting(RULES_KEY, []), this.saveEnabled()]);
  }

  /** Turns rules or levels on or off; returns the ids whose state changed (to re-run only those). */
  async setEnabled(change: SigmaEnableChange): Promise<string[]> {
    const before = this.files.length > 0 ? this.disabled(this.ruleSet()) : new Set<string>();
    for (const [id, on] of Object.entries(change.rules ?? {})) {
      if (on) this.offRules.delete(id);
      else this.offRules.add(id);
    }
    for (const level of SEVERITIES) {
      const on = change.levels?.[level];
      if (on === true) this.offLevels.delete(level);
      else if (on === false) this.offLevels.add(level);
    }
    this.rev = undefined;
    await this.saveEnabled();
    const after = this.files.length > 0 ? this.disabled(this.ruleSet()) : new Set<string>();
    return [...new Set([...before, ...after])].filter((id) => before.has(id) !== after.has(id));
  }

  private saveEnabled(): Promise<void> {
    return this.store.setSetting(ENABLED_KEY, { rules: [...this.offRules], levels: [...this.offLevels] } satisfies Enabled);
  }

  status(): SigmaStatus {
    const set = this.files.length > 0 ? this.ruleSet() : undefined;
    const levels = new Map<string, Severity>();
    for (const d of set === undefined ? [] : [...set.rules, ...set.correlations, ...set.filters]) levels.set(d.id, d.level);
    const rows = this.last.coverage.map((c) => coverageRow(c, levels.get(c.id), this.offRules, this.offLevels));
    const counts = { active: 0, inactive: 0, rejected: 0 };
    for (const r of rows) counts[r.status]++;
    return {
      files: this.files.length, documents: set?.documents ?? 0, counts, rows,
      disabledLevels: SEVERITIES.filter((s) => this.offLevels.has(s)), alerts: this.last.alerts.length, runMs: this.last.runMs,
    };
  }
}

/** A coverage entry as the report shows it: 'disabled' says whether by the rule itself or by its level. */
export function coverageRow(c: CoverageEntry, level: Severity | undefined, offRules: ReadonlySet<string>, offLevels: ReadonlySet<Severity>): SigmaCoverageRow {
  const byRule = offRules.has(c.id), byLevel = level !== undefined && offLevels.has(level);
  const reason = c.reason === 'disabled' ? (byRule ? 'turned off' : `level ${level} turned off`) : c.reason;
  return {
    id: c.id, title: c.title, kind: c.kind, status: c.status, reason, file: c.file, line: c.line, level,
    logsource: c.logsource, matches: c.matches, enabled: !byRule && !byLevel,
  };
}
