// Redaction of what the engine pushes or proposes (redact/pushes.ts), through EngineApi with fake-indexeddb:
// ingest progress rows, live-follow updates and webhook posts, the threat-intel lookup plan and its audit name
// no original while Redact is on, and the lookup still sends the originals the user confirmed (as pseudonyms).
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import type { FollowSource, IngestProgress, LiveUpdate, TiPlan } from '../../../src/workers/api.ts';
import type { TiHttpResponse, TiRequest } from '../../../src/workers/enrich/ti/providers/types.ts';
import { MemoryFs } from '../live/memoryFs.ts';

const IP = '203.0.113.45';
const PUBLIC_IPS = ['8.8.8.8', '193.0.6.139'];
const USER = 'oracle';

function expectNoOriginal(what: string, value: unknown, originals: readonly string[]): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const o of originals) expect(text.includes(o), `${what} names ${o}`).toBe(false);
}

const sshd = (i: number, ip: string, user = USER) =>
  `Mar  3 02:00:${String(i % 60).padStart(2, '0')} web01 sshd[${100 + i}]: Failed password for ${user} from ${ip} port ${40000 + i} ssh2\n`;

describe('redaction of pushed updates and plans', () => {
  beforeEach(async () => { await deleteDB('logdrop'); });

  it('ingest progress rows and the final report: the path\'s address replaced', async () => {
    const engine = createEngine();
    await engine.createCase('progress');
    await engine.setRedaction({ on: true });
    const text = Array.from({ length: 3000 }, (_, i) => sshd(i, IP)).join('');
    const reports: IngestProgress[] = [];
    const done = await engine.ingest([{ path: `collected/${IP}/auth.log`, file: new File([text], 'auth.log') }], {}, (p) => reports.push(p));
    expect(reports.length).toBeGreaterThan(0);
    expect(done.files[0].events).toBe(3000);
    expect(done.files[0].path).toMatch(/^collected\/10\.\d+\.\d+\.\d+\/auth\.log$/);
    expectNoOriginal('progress', reports, [IP]);
    expectNoOriginal('final report', done, [IP, USER]);
    // the ledger agrees with what progress showed
    expect((await engine.ledger())[0].path).toBe(done.files[0].path);
  });

  it('live updates, their notifications and webhook posts carry pseudonyms; the followed files too', async () => {
    const fs = new MemoryFs(false, 'logs');
    fs.append(`${IP}.log`, sshd(0, IP) + sshd(1, IP));
    const posts: string[] = [];
    const engine = createEngine({ followFs: () => fs, webhook: () => ({ post: async (_url, body) => { posts.push(body); return 200; }, close() {} }) });
    await engine.createCase('live');
    await engine.setRedaction({ on: true });
    expect((await engine.webhookOn({ url: 'https://hooks.example.org/in/s3cret', format: 'json', minSeverity: 'low', remember: false })).on).toBe(true);
    const got: LiveUpdate[] = [];
    let wake: (() => void) | undefined;
    await engine.watchLive((u) => { got.push(u); wake?.(); });
    await engine.followSettings({ intervalMs: 250, notifyAt: 'low' });
    await engine.followAdd([{ kind: 'folder', name: 'logs', handle: {} } as unknown as Omit<FollowSource, 'id'>]);
    const until = async (pred: () => boolean) => { while (!pred()) await new Promise<void>((r) => { wake = r; }); };
    await until(() => got.some((u) => u.events > 0));
    fs.append(`${IP}.log`, Array.from({ length: 8 }, (_, i) => sshd(i + 2, IP)).join(''));
    await until(() => got.some((u) => u.alerts.length > 0));
    await engine.followStop();
    const alerted = got.find((u) => u.alerts.length > 0)!;
    expect(alerted.alerts.some((a) => /10\.\d+\.\d+\.\d+/.test(a.message) || /10\.\d+\.\d+\.\d+/.test(a.id))).toBe(true);
    expect(alerted.notify.length).toBeGreaterThan(0);
    expectNoOriginal('live updates', got, [IP, USER]);
    // posts are queued behind the poll: wait for the poster's count
    while ((await engine.webhookStatus()).posted + (await engine.webhookStatus()).failed === 0) await new Promise((r) => setImmediate(r));
    expect(posts.length).toBeGreaterThan(0);
    expectNoOriginal('webhook posts', posts, [IP, USER]);
    const status = await engine.followStatus();
    expect(status.files.length).toBe(1);
    expectNoOriginal('followed files', status.files, [IP]);
    // an id the update gave opens the alert (the alerts view translates it back)
    const shownIds = (await engine.alerts()).alerts.map((a) => a.id);
    for (const a of alerted.alerts) expect(shownIds).toContain(a.id);
  });

  it('the threat-intel plan shows pseudonyms; the lookup sends the originals; the audit and its CSV show pseudonyms', async () => {
    const sent: TiRequest[] = [];
    const engine = createEngine({
      ti: {
        openFetcher: () => ({
          send: async (req: TiRequest): Promise<TiHttpResponse> => {
            sent.push(req);
            const ip = new URL(req.url).searchParams.get('ipAddress')!;
            return { status: 200, headers: {}, body: JSON.stringify({ data: { ipAddress: ip, abuseConfidenceScore: 50, totalReports: 1, countryCode: 'US', isp: 'x' } }) };
          },
          close() {},
        }),
        sleep: async () => {},
      },
    });
    await engine.createCase('ti');
    const log = [...PUBLIC_IPS.map((ip, i) => sshd(i, ip)), sshd(5, '10.1.2.3')].join('');
    await engine.ingest([{ path: 'auth.log', file: new File([log], 'auth.log') }], {}, () => {});
    await engine.setRedaction({ on: true });
    await engine.setTiKey('abuseipdb', 'KEY-123456', false);
    const plan = await engine.planTiLookup('abuseipdb', 'direct', 100) as TiPlan;
    expect(plan.ips).toHaveLength(2);
    for (const ip of plan.ips) expect(ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expectNoOriginal('plan', plan, PUBLIC_IPS);
    // the plan's pseudonyms are those of the table
    const q = await engine.query('');
    if (!q.ok) throw new Error(q.error.message);
    const shown = (await engine.page(q.handle.id, 0, 10)).map((e) => e.fields['init.host.ip']);
    for (const ip of plan.ips) expect(shown).toContain(ip);
    const r = await engine.runTiLookup(plan.id);
    expect(r.sent).toBe(2);
    expect(sent.map((s) => new URL(s.url).searchParams.get('ipAddress')).sort()).toEqual([...PUBLIC_IPS].sort());
    const audit = await engine.tiAudit();
    expect(audit).toHaveLength(2);
    expectNoOriginal('audit', audit, PUBLIC_IPS);
    expectNoOriginal('audit CSV', await (await engine.exportTiAudit()).text(), PUBLIC_IPS);
    await engine.setRedaction({ on: false });
    expect((await engine.tiAudit()).map((a) => a.ip).sort()).toEqual([...PUBLIC_IPS].sort());
  });
});
