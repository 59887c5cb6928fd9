// Detection for the open case (DESIGN "detect"): runs the built-in detectors over the engine's index, keeps the
// alerts (in memory for the view, in the case's alerts store) and the user's status and notes (alertStates).
// A parameter change re-runs that detector only: its inputs (logon arrays) are cached per table size, so it is
// the window arithmetic alone (bench/detect-node.ts). Sigma rules loaded into the case (caseSigma.ts) run
// after the detectors; their alerts are listed with the detectors' and kept in the same store.
// Full runs happen in the background (backgroundRuns.ts). Each stored result carries a stamp of its inputs
// (the case's data, the parameters, the rules): opening a case whose stamp still matches shows the stored
// alerts without running anything.
import type { Alert, AlertState, DetectorInfo, EventTable, ParamValue, Severity } from '../../detect/types.ts';
import { SEVERITIES } from '../../detect/types.ts';
import { entitiesOf } from './alertsBy.ts';
import { DETECTORS, byTime, detectorById, detectorInfo, resolveParams, runDetector, type DetectorParams } from '../../detect/index.ts';
import type { CoverageEntry } from '../../detect/sigma/index.ts';
import type { AlertFilter, AlertGroupBy, AlertItem, AlertList, AlertStatus } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import { nextTurn } from '../nextTurn.ts';
import { BackgroundRuns } from './backgroundRuns.ts';
import { CaseSigma } from './caseSigma.ts';
import { alertChanges, sameAlerts } from './sameAlerts.ts';

const PARAMS_KEY = 'detect.params';
const STAMP_KEY = 'detect.stamp';
/** bump when what a stamp covers changes shape */
const STAMP_VERSION = 1;
const STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'closed'];
/** alerts per transaction of a partial write (replaceInBatches) */
const WRITE_BATCH = 1000;

/** What the stored alerts were computed from, and what the views show of that run without running again. */
interface DetectionStamp { key: string; infos: DetectorInfo[]; sigmaCoverage: CoverageEntry[]; runMs: number }

/** What a background run reads: the open case's table (undefined once the case is closed) and its data's identity. */
export interface DetectionSource {
  table(): EventTable | undefined;
  /** the events, the derived fields (GeoIP, threat intel) and the build: equal keys give equal alerts */
  dataKey(): Promise<string>;
}

export class CaseAlerts {
  private alertsByRule = new Map<string, Alert[]>();
  private infos = new Map<string, DetectorInfo>();
  private states = new Map<string, AlertState>();
  private params: DetectorParams = {};
  private runMs = 0;
  /** the detection stamp as it was when the case was opened (load), for the first run's check */
  private openStamp: DetectionStamp | undefined;
  /** alert writes in order; a parameter change does not wait for its write (the store is a cache of the last run) */
  private saving: Promise<void> = Promise.resolve();
  private source: DetectionSource | undefined;
  private readonly runs = new BackgroundRuns((stale) => this.background(stale));
  /** the data key the alerts in memory were computed from (undefined: not known to match the case) */
  private dataKey: string | undefined;
  /** the alerts in memory are a stored run's, reused on open because its inputs are unchanged */
  private reused = false;
  /** the last alert write failed: the store may not hold what memory holds, so no stamp may vouch for it */
  private lastWriteFailed = false;
  /** what the alerts store holds, by id, while known (after load and after a full write); undefined after a partial one */
  private stored: Map<string, Alert> | undefined;
  /** bumped whenever a detector's alerts are replaced (the sorted list is kept until then) */
  private version = 0;
  private sorted: { version: number; sigma: Alert[]; all: Alert[] } | undefined;
  /** the case's Sigma rules; assigned in load() */
  sigma!: CaseSigma;

  private constructor(private readonly store: CaseStore) {}

  /** Reads the case's parameters, states and last alerts (shown until the first run replaces them). */
  static async load(store: CaseStore): Promise<CaseAlerts> {
    const c = new CaseAlerts(store);
    // the stamp before the alerts: a tab writes the alerts, then the stamp vouching for them, so alerts read after
    // a stamp are at least that stamp's (read after them, a stamp could vouch for alerts still being written)
    c.openStamp = await store.getSetting<DetectionStamp>(STAMP_KEY);
    c.params = (await store.getSetting<DetectorParams>(PARAMS_KEY)) ?? {};
    for (const s of await store.alertStates()) c.states.set(s.id, s);
    const stored = await store.alerts();
    c.stored = new Map(stored.map((a) => [a.id, a]));
    c.sigma = await CaseSigma.load(store, stored.filter((a) => a.source === 'sigma'));
    for (const a of stored) {
      if (a.source === 'sigma') continue;
      const list = c.alertsByRule.get(a.ruleId) ?? [];
      list.push(a);
      c.alertsByRule.set(a.ruleId, list);
    }
    return c;
  }

  /**
   * Asks for a run of every detector and the Sigma rules in the background (after an ingest, on open, after the
   * index was rebuilt or enrichment changed). The list says `running` until it is done; settled() waits for it.
   */
  schedule(source: DetectionSource): void {
    this.source = source;
    this.runs.request();
  }

  /** The background run done and every alert write it or a change made (a parameter moved) finished. */
  async settled(): Promise<void> {
    await this.runs.settled();
    await this.saving;
  }

  private async background(stale: () => boolean): Promise<void> {
    const source = this.source;
    const table = source?.table();
    if (source === undefined || table === undefined) return;
    try {
      await this.detect(source, table, stale);
    } catch (e) {
      // the case was closed or deleted under the run (its database gone): nothing to report to anyone
      if (source.table() === undefined) return;
      throw e;
    }
  }

  private async detect(source: DetectionSource, table: EventTable, stale: () => boolean): Promise<void> {
    const dataKey = await source.dataKey();
    // the open's run checks the stamp read with the alerts (load); later runs read this tab's own last stamp
    const stored = this.openStamp ?? await this.store.getSetting<DetectionStamp>(STAMP_KEY);
    this.openStamp = undefined;
    if (stored?.key === this.stampKey(dataKey) && stored.infos.length === DETECTORS.length) {
      // the stored alerts (read in load()) are this run's result: show them with what that run reported
      for (const info of stored.infos) this.infos.set(info.id, info);
      this.sigma.restoreCoverage(stored.sigmaCoverage);
      this.runMs = stored.runMs;
      this.dataKey = dataKey;
      this.reused = true;
      return;
    }
    if (await this.runAll(table, () => stale() || source.table() !== table)) {
      this.dataKey = dataKey;
      await this.saveStamp();
    }
  }

  /**
   * Runs every detector, then the Sigma rules, with a turn of the event loop between steps. Returns false
   * (nothing changed) when `stop` says the run went stale before it finished.
   */
  async runAll(table: EventTable, stop: () => boolean = () => false): Promise<boolean> {
    const t0 = performance.now();
    const results: ReturnType<typeof runDetector>[] = [];
    for (const d of DETECTORS) {
      await nextTurn();
      if (stop()) return false;
      results.push(runDetector(table, d, this.params[d.id]));
    }
    await nextTurn();
    if (stop()) return false;
    // the rules in slices: a query waits at most one slice. Rows appended meanwhile (an ingest under way) end
    // the run: whoever appended asks for a run over all of them (an ingest) or runs one itself (a live poll)
    const rows = table.rowCount;
    const sigma = await this.sigma.run(table, { turn: nextTurn, stop: () => stop() || table.rowCount !== rows });
    if (sigma === undefined) return false;
    for (const one of results) this.apply(one);
    this.runMs = performance.now() - t0;
    this.dataKey = undefined; // set by the caller that knows which data this was
    this.reused = false;
    const all = [...[...this.alertsByRule.values()].flat(), ...this.sigma.alerts];
    // a reopened case usually finds what it stored: nothing to write then
    if (this.stored !== undefined && sameAlerts(all, this.stored)) return true;
    this.stored = new Map(all.map((a) => [a.id, a]));
    await this.persist(all, undefined);
    return true;
  }

  private stampKey(dataKey: string): string {
    return JSON.stringify([STAMP_VERSION, dataKey, this.params, this.sigma.revision()]);
  }

  /**
   * Stores the stamp of the alerts in memory: after a full run, or after a partial one (a parameter, a rule
   * turned on or off) on alerts that matched the case's data. Never while a run is pending (it stores its own).
   */
  private async saveStamp(): Promise<void> {
    if (this.dataKey === undefined) return;
    const stamp: DetectionStamp = {
      key: this.stampKey(this.dataKey), infos: DETECTORS.flatMap((d) => this.infos.get(d.id) ?? []),
      sigmaCoverage: this.sigma.coverage, runMs: this.runMs,
    };
    // a stamp vouches for the alerts store: after a failed alert write it is removed instead (the next open runs)
    this.saving = this.saving.then(() => (this.lastWriteFailed ? this.store.deleteSetting(STAMP_KEY) : this.store.setSetting(STAMP_KEY, stamp)))
      .catch((e: unknown) => console.warn('detection stamp not stored:', e));
    await this.saving;
  }

  /** A change made while a background run is under way makes it stale: it starts again with the change. */
  private restartIfRunning(): void {
    this.reused = false;
    if (this.runs.running) this.runs.request();
  }

  /**
   * Runs the Sigma rules again after a rule change (files added or removed, rules or levels turned on or off):
   * only what the change touches runs (caseSigma.ts), and its new alerts are stored. Statuses and notes are
   * kept by alert id.
   */
  async runSigma(table: EventTable): Promise<void> {
    const before = this.sigma.alerts;
    const t0 = performance.now();
    const r = await this.sigma.run(table);
    if (r === undefined) return; // only a paced run stops
    this.runMs = performance.now() - t0;
    const ids = r.ruleIds;
    const { removed, written } = alertChanges(r.alerts, ids === undefined ? before : before.filter((a) => ids.has(a.ruleId)));
    await this.persist(written, removed);
    this.restartIfRunning();
    if (!this.runs.running) await this.saveStamp();
  }

  async setParams(table: EventTable, id: string, values: Record<string, ParamValue>): Promise<DetectorInfo> {
    const d = detectorById(id);
    if (d === undefined) throw new Error(`no detector "${id}"`);
    const t0 = performance.now();
    const one = runDetector(table, d, { ...this.params[id], ...values });
    const old = this.alertsByRule.get(id) ?? [];
    this.apply(one);
    this.runMs = performance.now() - t0;
    this.params = { ...this.params, [id]: one.info.values };
    await this.store.setSetting(PARAMS_KEY, this.params);
    // only what the move changed is written (one transaction); the answer does not wait for it
    const { removed, written } = alertChanges(one.alerts, old);
    void this.persist(written, removed);
    this.restartIfRunning();
    if (!this.runs.running) void this.saveStamp();
    return one.info;
  }

  /** the parameters in force per detector (the Sigma export carries them) */
  get detectorParams(): Readonly<DetectorParams> {
    return this.params;
  }

  /** owner absent: the one already set stays */
  async setState(id: string, status: AlertStatus, note: string, owner?: string): Promise<AlertState> {
    if (!STATUSES.includes(status)) throw new Error(`unknown alert status "${status}"`);
    const o = (owner ?? this.states.get(id)?.owner ?? '').trim();
    const state: AlertState = o === '' ? { id, status, note } : { id, status, note, owner: o };
    this.states.set(id, state);
    await this.store.putAlertState(state);
    return state;
  }

  /** What each detector reported; while the first run is under way, its parameters with coverage 'waiting'. */
  detectors(table: EventTable): DetectorInfo[] {
    return DETECTORS.map((d) => this.infos.get(d.id) ?? (this.runs.running
      ? detectorInfo(d, resolveParams(d.params, this.params[d.id]), { state: 'waiting', reason: 'detection is running' }, 0)
      : runDetector(table, d, this.params[d.id]).info));
  }

  /** Every alert, oldest first: sorted once per change of the alerts, not on every list (a slider re-lists). */
  private sortedAlerts(): Alert[] {
    const c = this.sorted;
    if (c !== undefined && c.version === this.version && c.sigma === this.sigma.alerts) return c.all;
    const all = [...[...this.alertsByRule.values()].flat(), ...this.sigma.alerts].sort(byTime);
    this.sorted = { version: this.version, sigma: this.sigma.alerts, all };
    return all;
  }

  list(filter: AlertFilter = {}): AlertList {
    const all = this.sortedAlerts();
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<AlertStatus, number>;
    const text = filter.text?.trim().toLowerCase() ?? '';
    const host = filter.host?.toLowerCase();
    const entity = filter.entity === undefined ? undefined : `${filter.entity.kind}:${filter.entity.value}`;
    const alerts: AlertItem[] = [];
    const groupOf = groupKey(filter.perGroup?.by);
    const perGroup = filter.perGroup?.limit ?? Infinity;
    const groups = new Map<string, number>();
    for (const a of all) {
      const state = this.states.get(a.id) ?? { id: a.id, status: 'new', note: '' };
      if (filter.severities !== undefined && !filter.severities.includes(a.severity)) continue;
      if (filter.statuses !== undefined && !filter.statuses.includes(state.status)) continue;
      if (filter.ruleIds !== undefined && !filter.ruleIds.includes(a.ruleId)) continue;
      if (host !== undefined && host !== '' && !(a.host ?? '').toLowerCase().includes(host)) continue;
      if (entity !== undefined && !entitiesOf(a).has(entity)) continue;
      if (text !== '' && ![a.message, a.ruleName, ...Object.values(a.group), state.note].some((s) => s.toLowerCase().includes(text))) continue;
      bySeverity[a.severity]++;
      byStatus[state.status]++;
      const g = groupOf === undefined ? undefined : groupOf(a);
      const inGroup = g === undefined ? 0 : groups.get(g) ?? 0;
      if (g !== undefined) groups.set(g, inGroup + 1);
      if ((filter.limit === undefined || alerts.length < filter.limit) && inGroup < perGroup) alerts.push({ ...a, state });
    }
    return {
      alerts, bySeverity, byStatus, total: all.length, runMs: this.runMs, running: this.runs.running, reused: this.reused,
      ...(groupOf !== undefined ? { groups: [...groups].map(([key, count]) => ({ key, count })) } : {}),
      ...(this.runs.error !== undefined ? { error: `Detection failed: ${this.runs.error}` } : {}),
    };
  }

  private apply(one: { alerts: Alert[]; info: DetectorInfo }): void {
    this.version++;
    this.alertsByRule.set(one.info.id, one.alerts);
    this.infos.set(one.info.id, one.info);
  }

  /** Writes alerts: all of them (replace = undefined), or one detector's or Sigma's (deleting the previous ones by id). */
  private persist(alerts: Alert[], replace: string[] | undefined): Promise<void> {
    if (replace !== undefined) this.stored = undefined;
    const write = replace === undefined ? () => this.store.putAlerts(alerts) : () => this.replaceInBatches(replace, alerts);
    // a failed write loses only the cached copy (the next run rewrites it): said once, never thrown at the UI
    this.saving = this.saving.then(write).then(() => {
      this.lastWriteFailed = false;
    }, (e: unknown) => {
      this.stored = undefined; // unknown now: the next run writes again
      this.lastWriteFailed = true;
      console.warn('alerts not stored:', e);
    });
    return this.saving;
  }

  /**
   * A partial write (a parameter moved, rules toggled) in transactions of WRITE_BATCH alerts with a turn of the
   * event loop between them: each put clones its alert in this worker, and 28,000 changed alerts written at once
   * held the list the view asks for next behind them. The ids removed are never among those written.
   */
  private async replaceInBatches(remove: readonly string[], alerts: readonly Alert[]): Promise<void> {
    for (let i = 0; i < Math.max(remove.length, alerts.length); i += WRITE_BATCH) {
      await this.store.replaceAlerts(remove.slice(i, i + WRITE_BATCH), alerts.slice(i, i + WRITE_BATCH));
      await nextTurn();
    }
  }
}

/** The alerts view's group of an alert (AlertFilter.perGroup): undefined when the list is not grouped. */
function groupKey(by: AlertGroupBy | undefined): ((a: Alert) => string) | undefined {
  if (by === 'rule') return (a) => a.ruleId;
  if (by === 'severity') return (a) => a.severity;
  if (by === 'host') return (a) => a.host ?? 'no host';
  return undefined;
}
