// The open case's Sigma rules: the rule files are kept with the case (case settings), loaded once into a rule
// set, and run over the case's columnar index in the engine worker after every ingest and on every rule change.
// Rules can be turned off by id or by level; the coverage report lists every document of every file.
import type { Alert, EventTable, Severity } from '../../detect/types.ts';
import { SEVERITIES } from '../../detect/types.ts';
import { changedDocuments, dependents, mergeRun, RuleLoader, runSigma, runSigmaPaced, type CoverageEntry, type Pace, type RuleFile, type RuleSet, type SigmaRun, type SigmaRunOptions } from '../../detect/sigma/index.ts';
import type { SigmaCoverageRow, SigmaEnableChange, SigmaStatus } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import { decorateSigmaAlert } from './sigmaEvidence.ts';
import { textHash } from '../../core/textHash.ts';

const RULES_KEY = 'sigma.rules';
const ENABLED_KEY = 'sigma.enabled';

/** What the user turned off, as stored in the case. */
interface Enabled { rules: string[]; levels: Severity[] }

/** The last run: its results, and what they were computed from (the rule set, what was off, the table and its size). */
interface LastRun {
  alerts: Alert[];
  coverage: CoverageEntry[];
  runMs: number;
  set?: RuleSet;
  disabled?: ReadonlySet<string>;
  table?: EventTable;
  rows?: number;
}

/** What a run changed: every Sigma alert (all = true), or only the alerts of these rule ids. */
export interface SigmaChange { alerts: Alert[]; ruleIds?: ReadonlySet<string> }

export class CaseSigma {
  private files: RuleFile[] = [];
  private set: RuleSet | undefined;
  /** keeps the parse of unchanged files, so a new set tells which documents changed */
  private readonly loader = new RuleLoader();
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
    return (this.set ??= this.loader.load(this.files));
  }

  /** Rule and correlation ids turned off, by id or by level. */
  private disabled(set: RuleSet): Set<string> {
    const out = new Set(this.offRules);
    for (const d of [...set.rules, ...set.correlations]) if (this.offLevels.has(d.level)) out.add(d.id);
    return out;
  }

  /**
   * Runs the enabled rules over the case. When the last run was over the same table (same rows), only what
   * changed since runs again: rules and correlations added, removed or replaced with their files, rules a
   * changed filter applies to, rules turned on or off, and the correlations depending on any of them (with
   * what those read). Every other rule keeps its last alerts and coverage. Returns what changed (the caller
   * stores it). With `pace` (the background run) the rules run in slices with a turn of the event loop between
   * them (detect/sigma/paced.ts); undefined when `pace.stop()` ended the run (nothing changed then).
   */
  async run(table: EventTable, pace?: Pace): Promise<SigmaChange | undefined> {
    const exec = (set: RuleSet, opts: SigmaRunOptions): Promise<SigmaRun | undefined> =>
      pace === undefined ? Promise.resolve(runSigma(set, table, opts)) : runSigmaPaced(set, table, opts, pace);
    const t0 = performance.now();
    if (this.files.length === 0) {
      this.last = { alerts: [], coverage: [], runMs: 0 };
      return { alerts: [] };
    }
    const set = this.ruleSet();
    const disabled = this.disabled(set);
    const last = this.last;
    if (last.set !== undefined && last.disabled !== undefined && last.table === table && last.rows === table.rowCount) {
      const change = changedDocuments(last.set, set);
      const ids = new Set([...set.rules, ...set.correlations].map((d) => d.id));
      const toggled = [...new Set([...last.disabled, ...disabled])].filter((id) => ids.has(id) && last.disabled?.has(id) !== disabled.has(id));
      for (const id of dependents(set, toggled)) change.only.add(id);
      const r = await exec(set, { disabled, only: change.only });
      if (r === undefined) return undefined;
      const alerts = r.alerts.map((a) => decorateSigmaAlert(table, a));
      const merged = mergeRun(set, last, { alerts, coverage: r.coverage }, change);
      if (merged !== undefined) {
        this.last = { ...merged, runMs: performance.now() - t0, set, disabled, table, rows: table.rowCount };
        return { alerts, ruleIds: new Set([...change.only, ...change.dropped]) };
      }
    }
    const r = await exec(set, { disabled });
    if (r === undefined) return undefined;
    this.last = { alerts: r.alerts.map((a) => decorateSigmaAlert(table, a)), coverage: r.coverage, runMs: performance.now() - t0, set, disabled, table, rows: table.rowCount };
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

  /** Removes the rule files of these paths (the rules turned off stay off, should they come back). */
  async remove(paths: readonly string[]): Promise<void> {
    const gone = new Set(paths);
    this.files = this.files.filter((f) => !gone.has(f.path));
    this.set = undefined;
    await this.store.setSetting(RULES_KEY, this.files);
  }

  async clear(): Promise<void> {
    this.files = [];
    this.set = undefined;
    this.rev = undefined;
    this.offRules.clear();
    await Promise.all([this.store.setSetting(RULES_KEY, []), this.saveEnabled()]);
  }

  /** Turns rules or levels on or off; returns the ids whose state changed (nothing to re-run when empty). */
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
