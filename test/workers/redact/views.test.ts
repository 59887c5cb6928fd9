// Redaction through EngineApi (fake-indexeddb): one redactor between every view and the engine. The search page,
// entity pages, graph, dashboard, alerts, ledger (and its CSV), the export sidecar and every export give the same
// pseudonyms; what the user types or clicks (pseudonyms) finds the originals' events; nothing returned names an
// original; the numbering is saved with the case (reopen, another engine, a hand-over give the same pseudonyms).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { createEngine } from '../../../src/workers/engine.ts';
import type { EngineApi } from '../../../src/workers/api.ts';
import { readLedger } from '../../../src/app/state/readLedger.ts';

const USERS = ['root', 'oracle', 'deploy', 'alice.smith'];
const IPS = ['198.51.100.23', '203.0.113.45', '192.0.2.199', '2001:470:1f0b::42'];
const HOST = 'bastion-prod';
const ORIGINALS = [...USERS, ...IPS, HOST, '198.51.100.7'];

/** sshd lines: failures of several users from several addresses (brute force fires), a few successes */
function authLog(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.UTC(2026, 0, 5, 8) + i * 2000).toISOString().slice(11, 19);
    const user = USERS[i % USERS.length];
    const ip = IPS[Math.floor(i / 3) % IPS.length];
    out.push(i % 10 === 9
      ? `Jan  5 ${t} ${HOST} sshd[${100 + i}]: Accepted password for ${user} from ${ip} port ${40000 + i} ssh2`
      : `Jan  5 ${t} ${HOST} sshd[${100 + i}]: Failed password for ${user} from ${ip} port ${40000 + i} ssh2`);
  }
  return out.join('\n') + '\n';
}

/** the file's path names an address, as collected logs often do (logs/<host address>/auth.log) */
const PATH = 'logs/198.51.100.7/auth.log';

async function redactedCase(): Promise<{ engine: EngineApi; id: string }> {
  const engine = createEngine();
  const info = await engine.createCase('Redaction views');
  await engine.ingest([{ path: PATH, file: new File([authLog(600)], 'auth.log', { lastModified: Date.UTC(2026, 0, 6) }) }], {}, () => {});
  await engine.detected(); // detection runs in the background
  await engine.setRedaction({ on: true });
  return { engine, id: info.id };
}

/** no original of the log anywhere in what the engine returned */
function expectNoOriginal(what: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const o of ORIGINALS) expect(text.includes(o), `${what} names ${o}`).toBe(false);
}

async function total(engine: EngineApi, q: string): Promise<number> {
  const r = await engine.query(q);
  if (!r.ok) throw new Error(`${q}: ${r.error.message}`);
  return r.handle.total;
}

describe('redaction across the views', () => {
  it('the page, entity pages, graph, dashboard, alerts, ledger, its CSV and the export sidecar agree and name no original', async () => {
    const { engine } = await redactedCase();
    const all = await engine.query('');
    if (!all.ok) throw new Error(all.error.message);
    const page = await engine.page(all.handle.id, 0, 50);
    expectNoOriginal('page', page);
    const shownIp = String(page[0].fields['init.host.ip']);
    const shownUser = String(page[0].fields['target.usr.name']);
    const shownHost = String(page[0].fields['obs.host.name']);
    expect(shownIp).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(shownUser).toMatch(/^user-\d+$/);
    expect(shownHost).toMatch(/^host-\d+$/);

    // entity pages: asked by pseudonym, answered in pseudonyms, counting the original's events
    const ipPage = await engine.entitySummary('ip', shownIp, 60);
    expectNoOriginal('ip entity page', ipPage);
    expect(ipPage.value).toBe(shownIp);
    expect(ipPage.total).toBe(600 / IPS.length);
    const users = ipPage.counterparts.flatMap((g) => g.values.map((v) => v.value));
    expect(users).toContain(shownUser);
    // a counterpart's query, as the UI sends it back, selects what it counted
    const cp = ipPage.counterparts[0].values[0];
    expect(await total(engine, cp.query)).toBe(cp.count);
    expect(await total(engine, ipPage.query)).toBe(ipPage.total);
    const userPage = await engine.entitySummary('user', shownUser, 60);
    expectNoOriginal('user entity page', userPage);
    expect(userPage.total).toBe(600 / USERS.length);
    expect(userPage.counterparts.flatMap((g) => g.values.map((v) => v.value))).toContain(shownIp);
    const hostPage = await engine.entitySummary('host', shownHost, 60);
    expect(hostPage.total).toBe(600);
    expectNoOriginal('host entity page', hostPage);
    expect((await engine.entitySummary('ip', '10.250.250.250', 60)).total).toBe(0); // no such pseudonym

    // the graph: nodes and edges in pseudonyms, the same ones
    const g = await engine.graph('', { nodeCap: 100 });
    if (!g.ok) throw new Error(g.error.message);
    expectNoOriginal('graph', g.graph);
    const values = g.graph.nodes.map((n) => n.value);
    expect(values).toEqual(expect.arrayContaining([shownIp, shownUser]));
    for (const e of g.graph.edges) {
      expect(g.graph.nodes.some((n) => n.id === e.source)).toBe(true);
      expect(g.graph.nodes.some((n) => n.id === e.target)).toBe(true);
    }
    const gq = await engine.graph(`init.host.ip:${shownIp}`, { nodeCap: 100 });
    if (!gq.ok) throw new Error(gq.error.message);
    expect(gq.graph.query).toBe(`init.host.ip:${shownIp}`);
    expect(gq.graph.events).toBe(600 / IPS.length);

    // dashboard lists and their click queries
    const d = await engine.dashboard(60);
    expectNoOriginal('dashboard', d);
    const top = d.sourceIps.values[0];
    expect(await total(engine, top.query)).toBe(top.count);
    const facet = await engine.facets(all.handle.id, ['init.host.ip', 'target.usr.name'], 10);
    expectNoOriginal('facets', facet);
    expect(facet[0].values.map((v) => v.value)).toContain(shownIp);
    expectNoOriginal('field catalog', await engine.fieldCatalog());
    expectNoOriginal('histogram split', await engine.histogram(all.handle.id, 20, 'init.host.ip'));

    // alerts: group values, messages and evidence queries; the evidence query selects the evidence
    const alerts = await engine.alerts();
    expect(alerts.alerts.length).toBeGreaterThan(0);
    expectNoOriginal('alerts', alerts);
    const a = alerts.alerts.find((x) => x.evidenceQuery !== undefined && x.group['init.host.ip'] !== undefined);
    if (a !== undefined) {
      expect(a.evidenceQuery).toContain(a.group['init.host.ip']);
      expect(await total(engine, a.evidenceQuery!)).toBeGreaterThan(0);
    }
    const related = await engine.alerts({ entity: { kind: 'ip', value: shownIp } });
    expect(related.alerts.length).toBeGreaterThan(0);
    expect(related.alerts.every((x) => Object.values(x.group).includes(shownIp))).toBe(true);
    expectNoOriginal('alert message', await engine.alertMessage(alerts.alerts[0].id, 'markdown'));

    // the ledger, its CSV and JSON
    const ledger = await engine.ledger();
    expectNoOriginal('ledger', ledger);
    // the page reads it in pages (app/state/readLedger.ts): redacted the same way
    expect(await readLedger(engine, 1)).toEqual(ledger);
    expect(ledger[0].path).toMatch(/^logs\/10\.\d+\.\d+\.\d+\/auth\.log$/);
    const ledgerCsv = await (await engine.exportLedger('csv')).text();
    expectNoOriginal('ledger CSV', ledgerCsv);
    expect(ledgerCsv).toContain(ledger[0].path);
    expectNoOriginal('ledger JSON', await (await engine.exportLedger('json')).text());

    // an export and its sidecar: the query typed in pseudonyms, the files' paths
    const q = await engine.query(`init.host.ip:${shownIp} and user:${shownUser}`);
    if (!q.ok) throw new Error(q.error.message);
    expect(q.handle.total).toBeGreaterThan(0);
    const exp = await engine.export(q.handle.id, 'csv', { columns: ['init.host.ip', 'target.usr.name', 'message'], query: `init.host.ip:${shownIp} and user:${shownUser}` });
    if (!exp.ok) throw new Error(exp.message);
    expectNoOriginal('provenance', exp.provenance);
    expect(exp.provenance.query).toBe(`init.host.ip:${shownIp} and user:${shownUser}`);
    expect(exp.provenance.files.map((f) => f.path)).toEqual([ledger[0].path]);
    const rows = Papa.parse<string[]>(await exp.blob.text(), { skipEmptyLines: true }).data.slice(1);
    expect(rows.length).toBe(q.handle.total);
    expect(rows.every(([ip, user]) => ip === shownIp && user === shownUser)).toBe(true);
    for (const id of ['ndjson', 'ecs', 'es-bulk', 'timesketch', 'csv-all', 'csv-analyst', 'csv-timeline-explorer']) {
      const r = await engine.export(q.handle.id, id, {});
      if (!r.ok) throw new Error(`${id}: ${r.message}`);
      const text = await r.blob.text();
      expectNoOriginal(id, text);
      expect(text, id).toContain(shownIp);
    }
  });

  it('pseudonyms typed by the user find the originals\' events: field terms, free text, phrases, wildcards', async () => {
    const { engine } = await redactedCase();
    const all = await engine.query('');
    if (!all.ok) throw new Error(all.error.message);
    const shown = (await engine.page(all.handle.id, 0, 20)).map((e) => e.fields);
    const ip = String(shown[0]['init.host.ip']);
    const user = String(shown[0]['target.usr.name']);
    await engine.setRedaction({ on: false });
    const origIp = String((await engine.page(all.handle.id, 0, 1))[0].fields['init.host.ip']);
    const origUser = String((await engine.page(all.handle.id, 0, 1))[0].fields['target.usr.name']);
    const want = { ip: await total(engine, `init.host.ip:${origIp}`), user: await total(engine, `target.usr.name:${origUser}`), text: await total(engine, `"for ${origUser} from ${origIp}"`) };
    expect(await total(engine, `init.host.ip:${ip}`)).toBe(0); // off: a pseudonym is just text
    await engine.setRedaction({ on: true });
    expect(await total(engine, `init.host.ip:${ip}`)).toBe(want.ip);
    expect(await total(engine, `src_ip:"${ip}"`)).toBe(want.ip);
    expect(await total(engine, `target.usr.name:${user.toUpperCase()}`)).toBe(want.user);
    expect(await total(engine, user)).toBe(want.user); // free text: the message names the original
    expect(await total(engine, `"for ${user} from ${ip}"`)).toBe(want.text);
    expect(await total(engine, `target.usr.name:(${user} or nobody)`)).toBe(want.user);
    expect(await total(engine, 'user:user-*')).toBe(600);
    expect(await total(engine, `not init.host.ip:${ip}`)).toBe(600 - want.ip);
    // a warning points at what was typed, not at the translated text
    const w = await engine.query(`init.host.ip:${ip} nosuchfield:x`);
    if (!w.ok) throw new Error(w.error.message);
    expect(w.handle.warnings?.[0]?.position).toBe(`init.host.ip:${ip} `.length);
    const bad = await engine.query(`init.host.ip:${ip} and (`);
    expect(bad.ok).toBe(false);
  });

  it('the numbering is saved with the case: reopen, another engine and an imported hand-over show the same pseudonyms', async () => {
    const { engine, id } = await redactedCase();
    const all = await engine.query('target.usr.name:*');
    if (!all.ok) throw new Error(all.error.message);
    const shown = (await engine.page(all.handle.id, 0, 40)).map((e) => [e.fields['init.host.ip'], e.fields['target.usr.name'], e.fields.raw]);
    const mapping = await engine.redactionMapping();
    if (!mapping.ok) throw new Error(mapping.message);
    // the hand-over carries it (the file already holds every original; notes naming pseudonyms stay meaningful)
    const file = (await engine.exportCase(id)).blob;
    expect(await file.text()).toContain('"key":"redact.mapping"');

    const again = async (e: EngineApi, caseId: string) => {
      await e.openCase(caseId);
      await e.detected(); // detection runs in the background
      await e.setRedaction({ on: true });
      // asked first by pseudonym: the numbering was loaded, not rebuilt in another order
      expect(await total(e, `init.host.ip:${String(shown[5][0])}`)).toBeGreaterThan(0);
      const q = await e.query('target.usr.name:*');
      if (!q.ok) throw new Error(q.error.message);
      expect((await e.page(q.handle.id, 0, 40)).map((x) => [x.fields['init.host.ip'], x.fields['target.usr.name'], x.fields.raw])).toEqual(shown);
    };
    await again(engine, id);
    await again(createEngine(), id);
    const other = createEngine();
    const imported = await other.importCase(file);
    expect(imported.id).not.toBe(id);
    await again(other, imported.id);
    const m2 = await other.redactionMapping();
    if (!m2.ok) throw new Error(m2.message);
    expect(await m2.blob.text()).toBe(await mapping.blob.text());
  });

  it('per-field and per-kind choices: kept hosts stay, a field read as a user gets a user pseudonym; saved with the case', async () => {
    const { engine, id } = await redactedCase();
    const st = await engine.setRedaction({ on: true, off: ['host'], fields: { 'app.name': 'user' } });
    expect(st).toMatchObject({ on: true, off: ['host'], fields: { 'app.name': 'user' } });
    const all = await engine.query('');
    if (!all.ok) throw new Error(all.error.message);
    const e = (await engine.page(all.handle.id, 0, 1))[0].fields;
    expect(e['obs.host.name']).toBe(HOST);
    expect(String(e.raw)).toContain(HOST);
    expect(e['app.name']).toMatch(/^user-\d+$/);
    expect(String(e['init.host.ip'])).toMatch(/^10\./);
    await engine.openCase(id);
    await engine.detected(); // detection runs in the background
    expect(await engine.redaction()).toMatchObject({ off: ['host'], fields: { 'app.name': 'user' } });
    await expect(engine.setRedaction({ on: true, off: ['nonsense' as 'ip'] })).rejects.toThrow(/unknown redaction kind/);
  });
});
