// EngineApi's live-follow methods (api/live.ts) for the open case: the sources the user granted, a poll timer
// in the engine worker, and after each poll that brought events the same steps as an ingest: counts, detection
// (every detector re-runs over the index; alerts keep their ids, so new and grown ones are told apart), then a
// LiveUpdate to the UI. Sources and per-file offsets are kept in the case (settings 'live.follow'); a resume
// after a reload first drops chunks written after the last saved offsets, so nothing is read twice.
import type { AlertItem, CaseInfo, EngineApi } from '../api.ts';
import type { FollowSource, FollowStatus, LiveAlert, LiveUpdate } from '../api/live.ts';
import { caseAuditOf } from '../enrich/ti/audit.ts';
import type { WebhookPoster } from './webhook.ts';
import type { Severity } from '../../detect/types.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { CaseAlerts } from '../alerts/caseAlerts.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import { alertMessage, type MessageFormat } from '../alerts/alertMessage.ts';
import { Follower } from './follower.ts';
import { HandleFollowFs, canRead } from './handleFs.ts';
import { AlertWatch } from './alertWatch.ts';
import { RuleThrottle, atLeast } from './throttle.ts';
import type { FollowFs, FollowedFile } from './types.ts';

export const FOLLOW_KEY = 'live.follow';
export const DEFAULT_INTERVAL_MS = 2000;

interface Saved { sources: FollowSource[]; files: FollowedFile[]; intervalMs: number; notifyAt?: Severity }

/** What the live ops need of the engine's open case. */
export interface LiveCase {
  info: CaseInfo;
  store: CaseStore;
  alerts: CaseAlerts;
  query: { addChunk(chunk: WireChunk): void };
}

export interface LiveDeps<C extends LiveCase> {
  current(): C | undefined;
  /** an ingest or another exclusive write runs: the poll waits for the next tick */
  busy(): boolean;
  /** runs a write under the case's lock (refuses when another tab writes it) */
  writing<T>(id: string, work: () => Promise<T>): Promise<T>;
  /** catalog counts, after events were added */
  refreshCounts(c: C): Promise<void>;
  /** runs every detector over the case's index */
  detect(c: C): Promise<void>;
  /** rebuilds the index from the stored chunks (after a resume dropped chunks written past a saved offset) */
  reindex(c: C): Promise<void>;
  /** the file system of the sources (tests pass a simulated one) */
  fs?(sources: () => readonly FollowSource[]): FollowFs;
  /** webhook posts of new and grown alerts (opt-in; see webhook.ts) */
  webhook: WebhookPoster;
  /** alerts as the views show them (pseudonyms while Redact is on, redact/pushes.ts): for updates and webhook posts */
  shownAlerts?(alerts: readonly AlertItem[]): AlertItem[];
}

type LiveApi = Pick<EngineApi, 'followAdd' | 'followStatus' | 'followStart' | 'followStop' | 'followRemove' | 'followSettings' | 'watchLive' | 'alertMessage'
  | 'webhookStatus' | 'webhookOn' | 'webhookOff' | 'webhookForget'>;

export function createLiveOps<C extends LiveCase>(deps: LiveDeps<C>): LiveApi {
  let c: C | undefined;
  let saved: Saved = { sources: [], files: [], intervalMs: DEFAULT_INTERVAL_MS };
  let follower: Follower | undefined;
  let active = false;
  let restored = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let problem: string | undefined;
  let needsPermission = false;
  let watcher: ((u: LiveUpdate) => void) | undefined;
  let watch = new AlertWatch<AlertItem>();
  let throttle = new RuleThrottle<LiveAlert>();
  let polling: Promise<void> = Promise.resolve();

  /** The open case's follow state (loaded when the case changed). */
  const sync = async (): Promise<C> => {
    const now = deps.current();
    if (now === undefined) throw new Error('no case is open');
    if (now === c) return now;
    stop();
    c = now;
    saved = (await now.store.getSetting<Saved>(FOLLOW_KEY)) ?? { sources: [], files: [], intervalMs: DEFAULT_INTERVAL_MS };
    follower = undefined;
    restored = false;
    problem = undefined;
    needsPermission = saved.sources.length > 0;
    watch = new AlertWatch();
    throttle = new RuleThrottle();
    return now;
  };

  const persist = async (oc: C) => {
    if (follower !== undefined) saved.files = follower.states();
    await oc.store.setSetting(FOLLOW_KEY, saved);
  };

  const stop = () => {
    active = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const status = (): FollowStatus => ({
    active, intervalMs: saved.intervalMs, sources: saved.sources, needsPermission, problem, notifyAt: saved.notifyAt,
    files: (follower?.states() ?? saved.files).filter((f) => f.fileId !== 0 || f.stopped === undefined).map((f) => ({
      path: f.path, fileId: f.fileId, lines: f.lines, bytes: f.offset, state: f.stopped ?? (f.gone === true ? 'deleted' : 'following'), partialBytes: f.pendingBytes,
    })),
  });

  /** Once per opened case: chunks past the saved offsets (written, then the tab closed) go; rows as saved. */
  const restore = async (oc: C) => {
    if (restored) return;
    restored = true;
    let dropped = 0;
    for (const st of saved.files) {
      if (st.fileId === 0) continue;
      dropped += await oc.store.deleteChunksFrom(st.fileId, st.nextSeq);
      if (st.row !== undefined) await oc.store.putFile(st.row);
    }
    if (dropped > 0) await deps.reindex(oc);
  };

  const start = async (oc: C) => {
    for (const s of saved.sources) {
      if (!(await canRead(s.handle))) {
        needsPermission = true;
        return;
      }
    }
    needsPermission = false;
    await deps.writing(oc.info.id, () => restore(oc));
    const sources = () => saved.sources;
    follower ??= new Follower(deps.fs?.(sources) ?? new HandleFollowFs(sources), {
      addFile: (row) => oc.store.addFile(row),
      updateFile: (row) => oc.store.putFile(row),
      chunk: async (chunk) => {
        await oc.store.putChunk(chunk);
        // the index of the moment (an ingest or a removal may have rebuilt it)
        (deps.current() ?? oc).query.addChunk(chunk);
      },
      saved: () => persist(oc),
    }, {}, saved.files);
    watch.prime(oc.alerts.list().alerts);
    active = true;
    schedule(oc, 0);
  };

  const schedule = (oc: C, ms: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      polling = tick(oc);
    }, ms);
  };

  const tick = async (oc: C) => {
    if (!active || deps.current() !== oc || c !== oc) return;
    if (!deps.busy()) {
      try {
        await pollOnce(oc);
      } catch (e) {
        problem = `Following paused a moment: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if (active && c === oc) schedule(oc, saved.intervalMs);
  };

  const pollOnce = async (oc: C) => {
    const f = follower;
    if (f === undefined) return;
    const report = await deps.writing(oc.info.id, () => f.poll());
    const unreadable = report.changes.filter((x) => x.kind === 'unreadable');
    if (unreadable.length > 0) {
      problem = `Cannot read ${unreadable.map((x) => x.path).join(', ')}`;
      if (unreadable.some((x) => x.path.includes('no permission'))) {
        needsPermission = true;
        stop();
      }
    } else if (report.events + report.unparsed > 0) problem = undefined;
    if (report.events + report.unparsed === 0 && report.changes.length === 0) return;
    await persist(oc);
    await deps.refreshCounts(oc);
    const alerts: LiveAlert[] = [];
    const changed: AlertItem[] = [];
    if (report.events + report.unparsed > 0) {
      await deps.detect(oc);
      const diff = watch.diff(oc.alerts.list().alerts);
      const shown = deps.shownAlerts?.(diff.map((d) => d.alert)) ?? diff.map((d) => d.alert);
      diff.forEach(({ change }, i) => {
        const a = shown[i];
        alerts.push({ id: a.id, ruleId: a.ruleId, ruleName: a.ruleName, severity: a.severity, count: a.count, message: a.message, change });
        changed.push(a);
      });
    }
    deps.webhook.offer(changed, caseAuditOf(oc.store));
    const notifyAt = saved.notifyAt;
    const notify = notifyAt === undefined ? [] : alerts.filter((a) => atLeast(a.severity, notifyAt)).flatMap((a) => {
      const t = throttle.offer(a);
      return t === undefined ? [] : [{ alert: t.item, suppressed: t.suppressed }];
    });
    const update: LiveUpdate = { events: report.events, unparsed: report.unparsed, changes: report.changes, alerts, notify, info: oc.info, at: Date.now() };
    try {
      watcher?.(update);
    } catch {
      // the UI went away
    }
  };

  return {
    async followAdd(sources) {
      const oc = await sync();
      for (const s of sources) saved.sources.push({ ...s, id: `${Date.now().toString(36)}-${saved.sources.length}` });
      await persist(oc);
      if (!active) await start(oc);
      return status();
    },
    async followStatus() {
      await sync();
      return status();
    },
    async followStart() {
      const oc = await sync();
      if (!active && saved.sources.length > 0) await start(oc);
      return status();
    },
    async followStop() {
      await sync();
      stop();
      await polling;
      return status();
    },
    async followRemove(id) {
      const oc = await sync();
      saved.sources = saved.sources.filter((s) => s.id !== id);
      if (saved.sources.length === 0) stop();
      await polling;
      await persist(oc);
      return status();
    },
    async followSettings(settings) {
      const oc = await sync();
      if (settings.intervalMs !== undefined) saved.intervalMs = Math.min(60_000, Math.max(250, Math.round(settings.intervalMs)));
      if ('notifyAt' in settings) saved.notifyAt = settings.notifyAt;
      await persist(oc);
      if (active) schedule(oc, saved.intervalMs);
      return status();
    },
    async webhookStatus() {
      await deps.webhook.load();
      return deps.webhook.status();
    },
    webhookOn: (settings) => deps.webhook.switchOn(settings),
    async webhookOff() {
      return deps.webhook.switchOff();
    },
    webhookForget: () => deps.webhook.forget(),
    async watchLive(onUpdate) {
      watcher = onUpdate;
    },
    async alertMessage(id: string, format: MessageFormat) {
      const oc = deps.current();
      if (oc === undefined) throw new Error('no case is open');
      const a = oc.alerts.list().alerts.find((x) => x.id === id);
      if (a === undefined) throw new Error('This alert is no longer in the case (the detectors ran again).');
      return alertMessage(a, format, oc.info.name);
    },
  };
}
