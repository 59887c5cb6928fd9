// The live follow as the shell sees it: the engine's follow status, the updates it pushes after each poll,
// the events that arrived since the views last re-ran ("12 new events"), the follow toggle (re-run on every
// update and keep the table on the newest), and browser notifications for the alerts the engine picked.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseInfo, FollowSource, FollowStatus, LiveUpdate, WebhookStatus } from '../../../workers/api.ts';
import type { WebhookControls } from './WebhookPanel.tsx';
import { callback, type EngineClient, type IdleTracker } from '../../../workers/client.ts';

export interface Live {
  status?: FollowStatus;
  /** events stored since the views last re-ran (shown as "N new events") */
  pending: number;
  /** re-run the views on every update and keep the table on the newest events */
  follow: boolean;
  setFollow(on: boolean): void;
  /** the last few things that happened to followed files, newest first */
  log: { at: number; text: string }[];
  lastPoll?: number;
  /** the views re-run now (the "N new events" button) */
  showNew(): void;
  add(sources: Omit<FollowSource, 'id'>[]): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  remove(id: string): Promise<void>;
  settings(s: { intervalMs?: number; notifyAt?: FollowStatus['notifyAt'] }): Promise<void>;
  webhook: WebhookControls;
  error?: string;
}

export interface LiveHooks {
  caseId?: string;
  /** the views must re-read (dataVersion) */
  changed(): void;
  /** counts and the files panel changed without a re-run */
  caseChanged(info: CaseInfo): void;
  filesChanged(): void;
  alertsChanged(): void;
  openAlert(id: string): void;
}

const LOG_LINES = 8;
/** while posting, the webhook's counts are read again this often (posts finish after the poll's update) */
const WEBHOOK_REFRESH_MS = 2000;

export function useLive(engine: EngineClient, tracker: IdleTracker, hooks: LiveHooks): Live {
  const [status, setStatus] = useState<FollowStatus>();
  const [pending, setPending] = useState(0);
  const [follow, setFollowState] = useState(false);
  const [log, setLog] = useState<{ at: number; text: string }[]>([]);
  const [lastPoll, setLastPoll] = useState<number>();
  const [error, setError] = useState<string>();
  const [webhook, setWebhook] = useState<WebhookStatus>();
  const ref = useRef({ hooks, follow });
  useEffect(() => { ref.current = { hooks, follow }; });

  const run = useCallback(async (work: () => Promise<FollowStatus>) => {
    await tracker.track((async () => {
      try {
        setStatus(await work());
        setError(undefined);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })());
  }, [tracker]);

  // the open case's follow (sources kept with it ask for a re-grant after a reload)
  const [forCase, setForCase] = useState(hooks.caseId);
  if (forCase !== hooks.caseId) {
    setForCase(hooks.caseId);
    setPending(0);
    setLog([]);
  }
  useEffect(() => {
    if (hooks.caseId === undefined) return;
    void run(() => engine.followStatus());
  }, [engine, run, hooks.caseId]);

  useEffect(() => {
    void engine.watchLive(callback((u: LiveUpdate) => {
      const { hooks: h, follow: pinned } = ref.current;
      setLastPoll(u.at);
      const lines = [
        ...u.changes.map((c) => `${c.kind}: ${c.path} (${c.detail})`),
        ...u.alerts.map((a) => `alert ${a.change === 'new' ? 'fired' : 'grew'}: ${a.severity} ${a.ruleName} (${a.count} events)`),
      ];
      if (lines.length > 0) setLog((l) => [...lines.reverse().map((text) => ({ at: u.at, text })), ...l].slice(0, LOG_LINES));
      h.caseChanged(u.info);
      h.filesChanged();
      if (u.alerts.length > 0) h.alertsChanged();
      if (u.events + u.unparsed > 0) {
        if (pinned) h.changed();
        else setPending((n) => n + u.events + u.unparsed);
      }
      for (const { alert, suppressed } of u.notify) notify(alert, suppressed, () => h.openAlert(alert.id));
      void engine.followStatus().then(setStatus, () => {});
    }));
  }, [engine]);

  const hook = useCallback(async (work: () => Promise<WebhookStatus>) => {
    await tracker.track((async () => {
      try {
        setWebhook(await work());
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })());
  }, [tracker]);
  useEffect(() => { void hook(() => engine.webhookStatus()); }, [engine, hook]);
  const posting = webhook?.on === true;
  useEffect(() => {
    if (!posting) return;
    const t = setInterval(() => { void engine.webhookStatus().then(setWebhook, () => {}); }, WEBHOOK_REFRESH_MS);
    return () => clearInterval(t);
  }, [engine, posting]);

  const showNew = useCallback(() => {
    setPending(0);
    ref.current.hooks.changed();
  }, []);
  const setFollow = useCallback((on: boolean) => {
    setFollowState(on);
    if (on) showNew();
  }, [showNew]);

  return {
    status, pending, follow, setFollow, log, lastPoll, showNew, error,
    add: (sources) => run(() => engine.followAdd(sources)),
    start: () => run(() => engine.followStart()),
    stop: () => run(() => engine.followStop()),
    remove: (id) => run(() => engine.followRemove(id)),
    settings: (s) => run(() => engine.followSettings(s)),
    webhook: {
      status: webhook,
      on: (s) => hook(() => engine.webhookOn(s)),
      off: () => hook(() => engine.webhookOff()),
      forget: () => hook(() => engine.webhookForget()),
    },
  };
}

/** A browser notification (the user turned them on and granted the permission); a click opens the alert. */
function notify(alert: LiveUpdate['alerts'][number], suppressed: number, open: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const more = suppressed > 0 ? ` (+${suppressed} more of this rule in the last minute)` : '';
  const n = new Notification(`${alert.severity.toUpperCase()}: ${alert.ruleName}`, { body: alert.message + more, tag: alert.ruleId });
  n.onclick = () => {
    window.focus();
    open();
    n.close();
  };
}
