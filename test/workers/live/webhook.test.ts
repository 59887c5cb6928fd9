// Webhook posts of live alerts: opt-in, the URL held like an API key (only its origin shown, audited or
// kept in notes), at most one post per rule per minute with a count, every post in the audit list, nothing
// sent while switched off, Slack refused up front (no CORS) with the CLI offered instead.
import { describe, expect, it } from 'vitest';
import { WebhookPoster, type WebhookAudit, type WebhookMemory, type WebhookTransport } from '../../../src/workers/live/webhook.ts';
import type { AlertItem } from '../../../src/workers/api.ts';

const URL_ = 'https://hooks.example.org/services/T000/B000/s3cr3tPath';

function alert(ruleId: string, count: number, severity: AlertItem['severity'] = 'high'): AlertItem {
  return {
    id: `${ruleId}-1`, ruleId, ruleName: `Rule ${ruleId}`, severity, ts: Date.UTC(2024, 2, 3, 2), lastTs: Date.UTC(2024, 2, 3, 2, 5),
    count, message: `${count} failed logins from 203.0.113.45`, group: { 'init.host.ip': '203.0.113.45' }, state: { status: 'new' },
  } as unknown as AlertItem; // the fields a message needs; the rest of Alert does not matter here
}

function rig(answer: (url: string, body: string) => Promise<number> = async () => 200) {
  const posts: { url: string; body: string }[] = [];
  const opened: string[] = [];
  let closed = 0;
  const open = (origin: string): WebhookTransport => {
    opened.push(origin);
    return { post: async (url, body) => { posts.push({ url, body }); return answer(url, body); }, close: () => { closed++; } };
  };
  const rows: { seq: number; service: string; ip: string; status?: number; note?: string }[] = [];
  const audit: WebhookAudit = {
    sending: async (_ts, service, ip) => { rows.push({ seq: rows.length + 1, service, ip }); return rows.length; },
    answered: async (seq, status, note) => { Object.assign(rows[seq - 1], { status, note }); },
  };
  let stored: unknown;
  const memory: WebhookMemory = { get: async () => stored as never, set: async (v) => { stored = v; }, delete: async () => { stored = undefined; } };
  const clock = { t: 1_000_000 };
  const poster = new WebhookPoster(open, memory, () => clock.t);
  return { poster, posts, opened, rows, audit, clock, closed: () => closed, stored: () => stored };
}

describe('WebhookPoster', () => {
  it('posts nothing and starts no worker until switched on', async () => {
    const r = rig();
    r.poster.offer([alert('brute', 5)], r.audit);
    await r.poster.idle();
    expect(r.posts).toEqual([]);
    expect(r.opened).toEqual([]);
    expect(r.poster.status()).toMatchObject({ available: true, on: false, hasUrl: false });
  });

  it('switched on: one worker for the URL\'s origin; Slack and generic JSON bodies; audited by origin only', async () => {
    const r = rig();
    const st = await r.poster.switchOn({ url: URL_, format: 'slack', minSeverity: 'medium', remember: false });
    expect(st).toMatchObject({ on: true, origin: 'https://hooks.example.org', hasUrl: true, remembered: false });
    expect(JSON.stringify(st)).not.toContain('s3cr3t');
    expect(r.opened).toEqual(['https://hooks.example.org']);
    r.poster.offer([alert('brute', 5), alert('low-one', 1, 'low')], r.audit);
    await r.poster.idle();
    expect(r.posts).toHaveLength(1);
    expect(r.posts[0].url).toBe(URL_);
    expect(JSON.parse(r.posts[0].body).text).toContain('*HIGH: Rule brute*');
    expect(r.rows).toEqual([{ seq: 1, service: 'webhook (slack)', ip: '', status: 200, note: 'https://hooks.example.org · brute · 5 events' }]);
    await r.poster.switchOn({ format: 'json', minSeverity: 'low', remember: false }); // the URL held in memory
    r.poster.offer([alert('low-one', 1, 'low')], r.audit);
    await r.poster.idle();
    expect(JSON.parse(r.posts[1].body)).toMatchObject({ source: 'logdrop', ruleId: 'low-one', severity: 'low', count: 1, suppressed: 0 });
    expect(JSON.stringify(r.rows)).not.toContain('s3cr3t');
  });

  it('at most one post per rule per minute; the next one says how many were held back', async () => {
    const r = rig();
    await r.poster.switchOn({ url: URL_, format: 'json', minSeverity: 'high', remember: false });
    r.poster.offer([alert('brute', 5)], r.audit);
    r.clock.t += 10_000;
    r.poster.offer([alert('brute', 8)], r.audit);
    r.poster.offer([alert('brute', 9), alert('other', 1, 'critical')], r.audit);
    r.clock.t += 60_000;
    r.poster.offer([alert('brute', 12)], r.audit);
    await r.poster.idle();
    expect(r.posts.map((p) => [JSON.parse(p.body).ruleId, JSON.parse(p.body).count, JSON.parse(p.body).suppressed])).toEqual([
      ['brute', 5, 0], ['other', 1, 0], ['brute', 12, 2],
    ]);
    expect(r.rows).toHaveLength(3);
  });

  it('switched off: the worker is terminated and nothing more is sent, even what was queued', async () => {
    const r = rig();
    await r.poster.switchOn({ url: URL_, format: 'json', minSeverity: 'high', remember: false });
    r.poster.switchOff();
    expect(r.closed()).toBe(1);
    r.poster.offer([alert('brute', 5)], r.audit);
    await r.poster.idle();
    expect(r.posts).toEqual([]);
    expect(r.rows).toEqual([]);
    expect(r.poster.status()).toMatchObject({ on: false, hasUrl: true });
  });

  it('a post without answer (CORS refusal, network) is counted, audited with status 0 and explained without the URL', async () => {
    const r = rig(async (url) => { throw new TypeError(`Failed to fetch ${url}`); });
    await r.poster.switchOn({ url: URL_, format: 'json', minSeverity: 'high', remember: false });
    r.poster.offer([alert('brute', 5)], r.audit);
    await r.poster.idle();
    const st = r.poster.status();
    expect(st).toMatchObject({ posted: 0, failed: 1 });
    expect(st.last).toContain('refuses cross-origin requests');
    expect(st.last).toContain('logdrop -- follow --webhook');
    expect(r.rows[0].status).toBe(0);
    expect(JSON.stringify([st, r.rows])).not.toContain('s3cr3t');
  });

  it('refuses Slack (no CORS preflight answer) and bad URLs up front, offering the CLI; nothing is started', async () => {
    const r = rig();
    const slack = await r.poster.switchOn({ url: 'https://hooks.slack.com/services/T0/B0/x', format: 'slack', minSeverity: 'high', remember: false });
    expect(slack.on).toBe(false);
    expect(slack.problem).toMatch(/Slack's incoming webhooks do not accept posts from a web page.*follow --webhook/);
    for (const bad of ['ftp://x.org/a', 'https://user:pw@x.org/h', 'not a url']) {
      expect((await r.poster.switchOn({ url: bad, format: 'json', minSeverity: 'high', remember: false })).on).toBe(false);
    }
    expect(r.opened).toEqual([]);
  });

  it('remembered: kept on this device and back after a restart switched off; forget removes it', async () => {
    const r = rig();
    await r.poster.switchOn({ url: URL_, format: 'slack', minSeverity: 'critical', remember: true });
    expect(r.stored()).toEqual({ url: URL_, format: 'slack', minSeverity: 'critical' });
    const again = new WebhookPoster(() => { throw new Error('not started on load'); }, { get: async () => r.stored() as never, set: async () => {}, delete: async () => {} });
    await again.load();
    expect(again.status()).toMatchObject({ on: false, hasUrl: true, remembered: true, origin: 'https://hooks.example.org', format: 'slack', minSeverity: 'critical' });
    await r.poster.forget();
    expect(r.stored()).toBeUndefined();
    expect(r.poster.status()).toMatchObject({ on: false, hasUrl: false, remembered: false });
  });

  it('not remembered: an earlier remembered URL is removed from the device', async () => {
    const r = rig();
    await r.poster.switchOn({ url: URL_, format: 'json', minSeverity: 'high', remember: true });
    await r.poster.switchOn({ url: URL_, format: 'json', minSeverity: 'high', remember: false });
    expect(r.stored()).toBeUndefined();
  });

  it('is unavailable where no poster worker can be started (the single file)', () => {
    const st = new WebhookPoster(undefined, undefined).status();
    expect(st.available).toBe(false);
    expect(st.problem).toContain('single file');
  });
});
