// Detection for the open case (DESIGN "detect"): runs the built-in detectors over the engine's index, keeps the
// alerts (in memory for the view, in the case's alerts store) and the user's status and notes (alertStates).
// A parameter change re-runs that detector only: its inputs (logon arrays) are cached per table size, so it is
// the window arithmetic alone (bench/detect-node.ts). Sigma rules loaded into the case (caseSigma.ts) run
// after the detectors; their alerts are listed with the detectors' and kept in the same store.
import type { Alert, AlertState, DetectorInfo, EventTable, ParamValue, Severity } from '../../detect/types.ts';
import { SEVERITIES } from '../../detect/types.ts';
import { entitiesOf } from './alertsBy.ts';
import { DETECTORS, byTime, detectorById, runDetector, type DetectorParams } from '../../detect/index.ts';
import type { AlertFilter, AlertItem, AlertList, AlertStatus } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import { CaseSigma } from './caseSigma.ts';

const PARAMS_KEY = 'detect.params';
const STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'closed'];

export class CaseAlerts {
  private alertsByRule = new Map<string, Alert[]>();
  private infos = new Map<string, DetectorInfo>();
  private states = new Map<string, AlertState>();
  private params: DetectorParams = {};
  private runMs = 0;
  /** alert writes in order; a parameter change does not wait for its write (the store is a cache of the last run) */
  private saving: Promise<void> = Promise.resolve();
  /** the case's Sigma rules; assigned in load() */
  sigma!: CaseSigma;

  private constructor(private readonly store: CaseStore) {}

  /** Reads the case's parameters, states and last alerts (shown until the first run replaces them). */
  static async load(store: CaseStore): Promise<CaseAlerts> {
    const c = new CaseAlerts(store);
    c.params = (await store.getSetting<DetectorParams>(PARAMS_KEY)) ?? {};
    for (const s of await store.alertStates()) c.states.set(s.id, s);
    const stored = await store.alerts();
    c.sigma = await CaseSigma.load(store, stored.filter((a) => a.source === 'sigma'));
    for (const a of stored) {
      if (a.source === 'sigma') continue;
      const list = c.alertsByRule.get(a.ruleId) ?? [];
      list.push(a);
      c.alertsByRule.set(a.ruleId, list);
    }
    return c;
  }

  /** Runs every detector (after an ingest, on open, after the index was rebuilt). */
  async runAll(table: EventTable): Promise<void> {
    const t0 = performance.now();
    for (const d of DETECTORS) this.apply(runDetector(table, d, this.params[d.id]));
    this.sigma.run(table);
    this.runMs = performance.now() - t0;
    await this.persist([...[...this.alertsByRule.values()].flat(), ...this.sigma.alerts], undefined);
  }

  /**
   * Runs the Sigma rules again (rules added or removed: all of them; turned on or off: `changed` ids and the
   * correlations depending on them only) and stores their new alerts. Statuses and notes are kept by alert id.
   */
  async runSigma(table: EventTable, changed?: readonly string[]): Promise<void> {
    const before = this.sigma.alerts;
    const t0 = performance.now();
    const r = this.sigma.run(table, changed);
    this.runMs = performance.now() - t0;
    const ids = r.ruleIds;
    const old = (ids === undefined ? before : before.filter((a) => ids.has(a.ruleId))).map((a) => a.id);
    await this.persist(r.alerts, old);
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
    void this.persist(one.alerts, old.map((a) => a.id));
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

  detectors(table: EventTable): DetectorInfo[] {
    return DETECTORS.map((d) => this.infos.get(d.id) ?? runDetector(table, d, this.params[d.id]).info);
  }

  list(filter: AlertFilter = {}): AlertList {
    const all = [...[...this.alertsByRule.values()].flat(), ...this.sigma.alerts].sort(byTime);
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<AlertStatus, number>;
    const text = filter.text?.trim().toLowerCase() ?? '';
    const host = filter.host?.toLowerCase();
    const entity = filter.entity === undefined ? undefined : `${filter.entity.kind}:${filter.entity.value}`;
    const alerts: AlertItem[] = [];
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
      if (filter.limit === undefined || alerts.length < filter.limit) alerts.push({ ...a, state });
    }
    return { alerts, bySeverity, byStatus, total: all.length, runMs: this.runMs };
  }

  private apply(one: { alerts: Alert[]; info: DetectorInfo }): void {
    this.alertsByRule.set(one.info.id, one.alerts);
    this.infos.set(one.info.id, one.info);
  }

  /** Writes alerts: all of them (replace = undefined), or one detector's or Sigma's (deleting the previous ones by id). */
  private persist(alerts: Alert[], replace: string[] | undefined): Promise<void> {
    const write = replace === undefined ? () => this.store.putAlerts(alerts) : () => this.store.replaceAlerts(replace, alerts);
    // a failed write loses only the cached copy (the next run rewrites it): said once, never thrown at the UI
    this.saving = this.saving.then(write).catch((e: unknown) => console.warn('alerts not stored:', e));
    return this.saving;
  }
}
