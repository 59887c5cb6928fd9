// Threat intelligence through the engine, in Node with fake-indexeddb and a fake fetcher that records
// exactly what would leave: nothing before a confirmed plan, never a private or special address, the key
// only in its header and never in storage unless remembered, every request in the case's audit list, ti.*
// fields queryable and facetable, the cache reused until its TTL, the daily quota and 429 respected.
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src/workers/engine.ts';
import type { EngineApi, TiPlan } from '../../../../src/workers/api.ts';
import type { TiHttpResponse, TiRequest } from '../../../../src/workers/enrich/ti/providers/types.ts';

const KEY = 'abuse-KEY-7f3a9c21e0';
const LOG = [
  ...Array.from({ length: 5 }, (_, i) => `Mar  4 10:00:0${i} web01 sshd[1]: Failed password for root from 8.8.8.8 port 4242 ssh2`),
  ...Array.from({ length: 3 }, (_, i) => `Mar  4 10:01:0${i} web01 sshd[1]: Failed password for root from 193.0.6.139 port 4242 ssh2`),
  'Mar  4 10:02:00 web01 sshd[1]: Failed password for root from 2001:4860:4860::8888 port 4242 ssh2',
  'Mar  4 10:03:00 web01 sshd[1]: Failed password for root from 10.1.2.3 port 4242 ssh2',
  'Mar  4 10:03:01 web01 sshd[1]: Failed password for root from 192.168.7.9 port 4242 ssh2',
  'Mar  4 10:03:02 web01 sshd[1]: Failed password for root from 203.0.113.9 port 4242 ssh2',
  'Mar  4 10:03:03 web01 sshd[1]: Failed password for root from fe80::1 port 4242 ssh2',
].join('\n') + '\n';

const SCORES: Record<string, number> = { '8.8.8.8': 0, '193.0.6.139': 75, '2001:4860:4860::8888': 10 };

function fakeAbuseIpdb(sent: TiRequest[], reply?: (ip: string, n: number) => TiHttpResponse) {
  return {
    send: async (req: TiRequest): Promise<TiHttpResponse> => {
      sent.push(req);
      const ip = new URL(req.url).searchParams.get('ipAddress')!;
      if (reply) return reply(ip, sent.length);
      return { status: 200, headers: { 'x-ratelimit-remaining': String(1000 - sent.length) }, body: JSON.stringify({ data: { ipAddress: ip, abuseConfidenceScore: SCORES[ip] ?? 0, totalReports: 4, countryCode: 'US', isp: 'Test ISP' } }) };
    },
    close() {},
  };
}

async function setup(reply?: (ip: string, n: number) => TiHttpResponse) {
  const sent: TiRequest[] = [];
  const clock = { t: Date.UTC(2026, 2, 4, 12) };
  const slept: number[] = [];
  const engine = createEngine({
    ti: {
      openFetcher: () => fakeAbuseIpdb(sent, reply),
      now: () => clock.t,
      sleep: async (ms) => { slept.push(ms); clock.t += ms; },
    },
  });
  await engine.createCase(`ti ${Math.random()}`);
  await engine.ingest([{ path: 'auth.log', file: new File([LOG], 'auth.log', { lastModified: Date.UTC(2026, 0, 1) }) }], {}, () => {});
  return { engine, sent, clock, slept };
}

async function count(engine: EngineApi, q: string): Promise<number> {
  const r = await engine.query(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.handle.total;
}

async function allStoredText(): Promise<string> {
  // every IndexedDB database of this (fake) browser, every store, as text
  const out: string[] = [];
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(name!); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    for (const store of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((res) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); });
      out.push(JSON.stringify(all, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)));
    }
    db.close();
  }
  return out.join('\n');
}

describe('threat intelligence in the engine', () => {
  // the cache, keys and daily counts are kept for every case of the browser: each test starts from a fresh one
  beforeEach(async () => { await deleteDB('logdrop'); });

  it('an offline list gives ti.* fields that are queryable and facetable, and feed ti on the IP page', async () => {
    const { engine, sent } = await setup();
    expect(await count(engine, 'ti.score:*')).toBe(0);
    const r = await engine.addTiList(new Blob(['ip,score,label,source\n203.0.113.9,90,ssh brute force,honeypot\n2001:4860:4860:0::8888,20,odd,honeypot\n']), 'bad.csv', 'case');
    expect(r.ok).toBe(true);
    expect(await count(engine, 'ti.score>=50')).toBe(1);
    expect(await count(engine, 'ti.label:"ssh brute force" and ti.provider:list and ti.source:honeypot and ti.ip:203.0.113.9')).toBe(1);
    // the log writes the address in another form: it still meets the list's entry
    expect(await count(engine, 'ti.ip:"2001:4860:4860::8888"')).toBe(1);
    const q = await engine.query('*');
    if (!q.ok) throw new Error('query');
    const [facet] = await engine.facets(q.handle.id, ['ti.score'], 10);
    expect(facet.values).toEqual([{ value: '20', count: 1 }, { value: '90', count: 1 }].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)));
    const info = await engine.tiOfIp('203.0.113.9');
    expect(info.special).toBe('documentation');
    expect(info.links).toEqual([]); // a special address means nothing to the providers' pages
    expect(info.verdicts[0]).toMatchObject({ provider: 'list', score: 90, stale: false });
    expect((await engine.tiOfIp('8.8.8.8')).links.map((l) => l.url)).toEqual(['https://www.abuseipdb.com/check/8.8.8.8', 'https://www.virustotal.com/gui/ip-address/8.8.8.8']);
    expect(sent).toEqual([]);
  });

  it('plans without sending, never plans or sends private or special addresses, and sends only the confirmed plan', async () => {
    const { engine, sent } = await setup();
    expect(await engine.planTiLookup('abuseipdb', 'relay', 100)).toEqual({ error: 'Enter your AbuseIPDB API key first.' });
    await engine.setTiKey('abuseipdb', KEY, false);
    const plan = await engine.planTiLookup('abuseipdb', 'relay', 100) as TiPlan;
    expect(plan).toMatchObject({ providerId: 'abuseipdb', endpoint: 'http://127.0.0.1:8377', distinct: 7, special: 4, cached: 0, later: 0 });
    // most frequent first
    expect(plan.ips).toEqual(['8.8.8.8', '193.0.6.139', '2001:4860:4860::8888']);
    expect(sent).toEqual([]);
    expect((await engine.tiStatus()).providers[0]).toMatchObject({ hasKey: true, remembered: false, usedToday: 0 });
    // the key is in memory only: no database holds it
    expect(await allStoredText()).not.toContain(KEY);

    const progress: number[] = [];
    const result = await engine.runTiLookup(plan.id, (p) => progress.push(p.done));
    expect(result).toEqual({ sent: 3, ok: 3, failed: 0, cancelled: false });
    expect(sent.map((r) => r.url)).toEqual([
      'http://127.0.0.1:8377/abuseipdb/api/v2/check?ipAddress=8.8.8.8&maxAgeInDays=90',
      'http://127.0.0.1:8377/abuseipdb/api/v2/check?ipAddress=193.0.6.139&maxAgeInDays=90',
      'http://127.0.0.1:8377/abuseipdb/api/v2/check?ipAddress=2001%3A4860%3A4860%3A%3A8888&maxAgeInDays=90',
    ]);
    expect(sent.every((r) => r.headers.Key === KEY && !r.url.includes(KEY))).toBe(true);
    expect(progress.at(-1)).toBe(3);
    // a plan runs once
    await expect(engine.runTiLookup(plan.id)).rejects.toThrow(/no longer current/);

    expect(await count(engine, 'ti.provider:abuseipdb')).toBe(9);
    expect(await count(engine, 'ti.score>=50 and ti.isp:"Test ISP"')).toBe(3);
    const audit = await engine.tiAudit();
    expect(audit.map((a) => [a.seq, a.service, a.ip, a.via, a.status])).toEqual([
      [1, 'abuseipdb', '8.8.8.8', 'relay', 200], [2, 'abuseipdb', '193.0.6.139', 'relay', 200], [3, 'abuseipdb', '2001:4860:4860::8888', 'relay', 200],
    ]);
    const csv = await (await engine.exportTiAudit()).text();
    expect(csv.split('\r\n')[0]).toBe('seq,time_utc,service,ip,via,http_status,note');
    expect(csv).toContain('2,2026-03-04T12:00:');
    expect(csv).not.toContain(KEY);
    expect(await allStoredText()).not.toContain(KEY);
    expect((await engine.tiStatus()).providers[0]).toMatchObject({ usedToday: 3, cached: 3 });
  });

  it('keeps the key on this device only when asked, and forgets it', async () => {
    const { engine } = await setup();
    await engine.setTiKey('virustotal', KEY, true);
    expect(await allStoredText()).toContain(KEY);
    expect((await engine.tiStatus()).providers[1]).toMatchObject({ id: 'virustotal', hasKey: true, remembered: true });
    // the status never carries the key itself
    expect(JSON.stringify(await engine.tiStatus())).not.toContain(KEY);
    await engine.forgetTiKey('virustotal');
    expect(await allStoredText()).not.toContain(KEY);
    expect((await engine.tiStatus()).providers[1]).toMatchObject({ hasKey: false, remembered: false });
  });

  it('reuses cached answers until the TTL, across cases', async () => {
    const { engine, sent, clock } = await setup();
    await engine.setTiKey('abuseipdb', KEY, false);
    await engine.runTiLookup((await engine.planTiLookup('abuseipdb', 'direct', 1) as TiPlan).id);
    expect(sent.map((r) => r.url)).toEqual(['https://api.abuseipdb.com/api/v2/check?ipAddress=8.8.8.8&maxAgeInDays=90']);
    // another case with the same addresses: the answer is cached
    await engine.createCase('second');
    await engine.ingest([{ path: 'b.log', file: new File([LOG], 'b.log') }], {}, () => {});
    expect(await count(engine, 'ti.ip:8.8.8.8 and ti.provider:abuseipdb')).toBe(5);
    const again = await engine.planTiLookup('abuseipdb', 'direct', 100) as TiPlan;
    expect(again).toMatchObject({ cached: 1, ips: ['193.0.6.139', '2001:4860:4860::8888'] });
    clock.t += 25 * 3_600_000;
    expect((await engine.planTiLookup('abuseipdb', 'direct', 100) as TiPlan).ips).toContain('8.8.8.8');
    // an older answer is still shown, marked stale
    expect((await engine.tiOfIp('8.8.8.8')).verdicts.find((v) => v.provider === 'abuseipdb')).toMatchObject({ stale: true });
    await engine.setTiCacheTtl(48);
    expect((await engine.planTiLookup('abuseipdb', 'direct', 100) as TiPlan).ips).not.toContain('8.8.8.8');
  });

  it('waits out a 429 (Retry-After) and spaces requests to the rate', async () => {
    let n = 0;
    const { engine, sent, slept } = await setup((ip): TiHttpResponse => {
      n++;
      if (n === 2) return { status: 429, headers: { 'retry-after': '30' }, body: '{"errors":[{"detail":"Too many requests"}]}' };
      return { status: 200, headers: {}, body: JSON.stringify({ data: { ipAddress: ip, abuseConfidenceScore: 1 } }) };
    });
    await engine.setTiKey('abuseipdb', KEY, false);
    const r = await engine.runTiLookup((await engine.planTiLookup('abuseipdb', 'relay', 100) as TiPlan).id);
    expect(r).toEqual({ sent: 4, ok: 3, failed: 0, cancelled: false });
    // the second address was asked twice: after the 30 s the provider asked for
    expect(sent.map((s) => new URL(s.url).searchParams.get('ipAddress'))).toEqual(['8.8.8.8', '193.0.6.139', '193.0.6.139', '2001:4860:4860::8888']);
    expect(slept).toContain(30_000);
    // 60 a minute: never closer than a second apart
    expect(slept.filter((ms) => ms !== 30_000).every((ms) => ms <= 1000)).toBe(true);
    expect((await engine.tiAudit()).map((a) => a.status)).toEqual([200, 429, 200, 200]);
  });

  it('stops at a refused key, and the key is not in the error nor the audit list', async () => {
    const bad = await setup(() => ({ status: 401, headers: {}, body: `{"errors":[{"detail":"Authentication failed for ${KEY}"}]}` }));
    await bad.engine.setTiKey('abuseipdb', KEY, false);
    const r2 = await bad.engine.runTiLookup((await bad.engine.planTiLookup('abuseipdb', 'relay', 100) as TiPlan).id);
    expect(r2).toMatchObject({ sent: 1, failed: 1 });
    expect(r2.error).toMatch(/refused the key/);
    expect(r2.error).not.toContain(KEY);
    expect(JSON.stringify(await bad.engine.tiAudit())).not.toContain(KEY);
  });

  it('explains a request the browser could not make (CORS), and stops the batch', async () => {
    const { engine, sent } = await setup(() => { throw new TypeError('Failed to fetch'); });
    await engine.setTiKey('abuseipdb', KEY, false);
    const r = await engine.runTiLookup((await engine.planTiLookup('abuseipdb', 'direct', 100) as TiPlan).id);
    expect(r).toMatchObject({ sent: 1, ok: 0, failed: 1, cancelled: false });
    expect(r.error).toMatch(/does not allow calls from web pages.*npm run --silent logdrop -- relay/);
    expect(sent).toHaveLength(1);
    expect((await engine.tiAudit()).map((a) => [a.ip, a.status, a.note])).toEqual([['8.8.8.8', 0, 'no answer']]);
  });

  it('stops at the daily quota', async () => {
    const { engine, sent } = await setup((ip, n) => ({ status: 200, headers: { 'x-ratelimit-remaining': String(2 - n) }, body: JSON.stringify({ data: { ipAddress: ip, abuseConfidenceScore: 1 } }) }));
    await engine.setTiKey('abuseipdb', KEY, false);
    const r = await engine.runTiLookup((await engine.planTiLookup('abuseipdb', 'relay', 100) as TiPlan).id);
    expect(sent).toHaveLength(2);
    expect(r.error).toMatch(/daily quota/);
    expect((await engine.tiStatus()).providers[0].quotaLeft).toBe(0);
    expect(await engine.planTiLookup('abuseipdb', 'relay', 100)).toMatchObject({ ips: [], later: 1 });
  });

  it('can be cancelled while waiting for the rate limit', async () => {
    const sent: TiRequest[] = [];
    const engine: EngineApi = createEngine({
      ti: {
        openFetcher: () => fakeAbuseIpdb(sent),
        sleep: async () => { await engine.cancelTiLookup(); },
      },
    });
    await engine.createCase('cancel');
    await engine.ingest([{ path: 'a.log', file: new File([LOG], 'a.log') }], {}, () => {});
    await engine.setTiKey('virustotal', KEY, false);
    const r = await engine.runTiLookup((await engine.planTiLookup('virustotal', 'relay', 100) as TiPlan).id);
    expect(r.cancelled).toBe(true);
    expect(sent.length).toBeLessThan(3);
  });
});
