// Opt-in webhook posts of live alerts from the browser (issue 16). The URL is held like the threat-intel API
// keys: in the engine worker's memory, in the catalog (never in a case, so never exported) only when the user
// ticks "remember", never shown back, logged or written to the audit list (only its origin is). Posts go
// through a dedicated worker whose script's CSP allows exactly the webhook's origin, started when webhooks are
// switched on and terminated when switched off: outside that, no context of the app can connect anywhere.
// At most one post per rule per minute (the next one carries how many were held back); every post is a row
// of the case's audit list, written before it goes and completed with its HTTP status.
import type { AlertItem } from '../api.ts';
import type { WebhookFormat, WebhookSettings, WebhookStatus } from '../api/live.ts';
import type { Severity } from '../../detect/types.ts';
import { webhookBody } from '../alerts/alertMessage.ts';
import { withoutKey } from '../enrich/ti/keys.ts';
import { RuleThrottle, atLeast } from './throttle.ts';
import { parseWebhookUrl, refusesBrowsers } from './webhookOrigin.ts';

/** The poster worker (tests pass an in-process one). */
export interface WebhookTransport {
  /** resolves with the HTTP status; rejects when no answer came */
  post(url: string, body: string): Promise<number>;
  close(): void;
}

/** Where posts are recorded: the open case's audit list (enrich/ti/audit.ts). */
export interface WebhookAudit {
  sending(ts: number, service: string, ip: string, via: 'direct'): Promise<number>;
  answered(seq: number, status: number, note?: string): Promise<void>;
}

/** The device's settings store for a remembered URL (the catalog's global settings in the app). */
export interface WebhookMemory {
  get(): Promise<Remembered | undefined>;
  set(value: Remembered): Promise<void>;
  delete(): Promise<void>;
}

interface Remembered { url: string; format: WebhookFormat; minSeverity: Severity }

export const WEBHOOK_SETTING = 'live.webhook';

const CLI_HINT = 'Post from the machine instead: npm run --silent logdrop -- follow --webhook URL --webhook-format slack PATH...';

export class WebhookPoster {
  private url: string | undefined;
  private origin: string | undefined;
  private format: WebhookFormat = 'json';
  private minSeverity: Severity = 'high';
  private remembered = false;
  private transport: WebhookTransport | undefined;
  private throttle: RuleThrottle<AlertItem>;
  private posted = 0;
  private failed = 0;
  private last: string | undefined;
  private problem: string | undefined;
  private queue: Promise<void> = Promise.resolve();
  private loaded: Promise<void> | undefined;

  constructor(
    private readonly open: ((origin: string) => WebhookTransport) | undefined,
    private readonly memory: WebhookMemory | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.throttle = new RuleThrottle(60_000, now);
  }

  /** A remembered URL comes back switched off: posting is switched on again by the user, each session. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      const r = await this.memory?.get();
      if (r === undefined || typeof r.url !== 'string') return;
      const p = parseWebhookUrl(r.url);
      if (!p.ok) return;
      Object.assign(this, { url: r.url, origin: p.origin, format: r.format, minSeverity: r.minSeverity, remembered: true });
    })();
    return this.loaded;
  }

  status(): WebhookStatus {
    return {
      available: this.open !== undefined, on: this.transport !== undefined, origin: this.origin, hasUrl: this.url !== undefined,
      remembered: this.remembered, format: this.format, minSeverity: this.minSeverity, posted: this.posted, failed: this.failed,
      last: this.last, problem: this.open === undefined
        ? 'Webhooks cannot be posted from the single file opened from disk (its workers cannot be given their own security policy). Use the served app (npm start or logdrop serve), or the CLI: npm run --silent logdrop -- follow --webhook URL PATH...'
        : this.problem,
    };
  }

  async switchOn(s: WebhookSettings): Promise<WebhookStatus> {
    await this.load();
    const url = s.url?.trim() || this.url;
    if (url === undefined) return this.refuse('Give the webhook URL first.');
    const p = parseWebhookUrl(url);
    if (!p.ok) return this.refuse(p.error);
    if (refusesBrowsers(p.origin)) {
      return this.refuse(`Slack's incoming webhooks do not accept posts from a web page: they answer no cross-origin (CORS) preflight, so the browser blocks every post. ${CLI_HINT}`);
    }
    if (this.open === undefined) return this.status();
    this.switchOff();
    Object.assign(this, { url, origin: p.origin, format: s.format, minSeverity: s.minSeverity, problem: undefined });
    if (s.remember) {
      await this.memory?.set({ url, format: s.format, minSeverity: s.minSeverity });
      this.remembered = this.memory !== undefined;
    } else {
      if (this.remembered) await this.memory?.delete();
      this.remembered = false;
    }
    this.throttle = new RuleThrottle(60_000, this.now);
    this.transport = this.open(p.origin);
    return this.status();
  }

  /** Terminates the poster worker: nothing can be sent until switched on again. The URL stays in memory. */
  switchOff(): WebhookStatus {
    this.transport?.close();
    this.transport = undefined;
    // a post in flight in the terminated worker never answers: later posts must not wait for it
    this.queue = Promise.resolve();
    return this.status();
  }

  async forget(): Promise<WebhookStatus> {
    await this.load();
    this.switchOff();
    if (this.remembered) await this.memory?.delete();
    Object.assign(this, { url: undefined, origin: undefined, remembered: false, last: undefined, problem: undefined });
    return this.status();
  }

  /** The alerts of one poll that appeared or grew: those at or above the threshold are queued, throttled per rule. */
  offer(alerts: readonly AlertItem[], audit: WebhookAudit | undefined): void {
    const t = this.transport, url = this.url, origin = this.origin;
    if (t === undefined || url === undefined || origin === undefined) return;
    for (const a of alerts) {
      if (!atLeast(a.severity, this.minSeverity)) continue;
      const send = this.throttle.offer(a);
      if (send === undefined) continue;
      const body = webhookBody(a, this.format, { suppressed: send.suppressed });
      const note = `${origin} · ${a.ruleId} · ${a.count} events${send.suppressed > 0 ? ` · +${send.suppressed} held back` : ''}`;
      this.queue = this.queue.then(() => this.post(t, url, origin, body, note, audit));
    }
  }

  /** Resolves when every queued post was answered (tests, and the engine's idle()). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async post(t: WebhookTransport, url: string, origin: string, body: string, note: string, audit: WebhookAudit | undefined): Promise<void> {
    if (this.transport !== t) return; // switched off (or to another URL) while queued: not sent
    const seq = await audit?.sending(this.now(), `webhook (${this.format})`, '', 'direct');
    try {
      const status = await t.post(url, body);
      if (status >= 200 && status < 300) this.posted++;
      else this.failed++;
      this.last = `${new Date(this.now()).toLocaleTimeString()}: posted to ${origin}, HTTP ${status}`;
      if (seq !== undefined) await audit?.answered(seq, status, note);
    } catch (e) {
      this.failed++;
      const why = withoutKey(e instanceof Error ? e.message : String(e), url);
      this.last = `${new Date(this.now()).toLocaleTimeString()}: ${origin} did not answer (${why}): it is down, or it refuses cross-origin requests from a web page (no CORS), or this server did not give the poster its own policy (a static host, docs/hosting.md). ${CLI_HINT}`;
      if (seq !== undefined) await audit?.answered(seq, 0, `${note} · no answer: ${why}`);
    }
  }

  private refuse(problem: string): WebhookStatus {
    this.problem = problem;
    return this.status();
  }
}
