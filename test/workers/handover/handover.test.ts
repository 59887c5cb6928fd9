// The case hand-over file through the engine, in Node with fake-indexeddb: export -> delete -> import ->
// export is byte-identical; keys and the webhook URL are never written; corrupt, truncated and foreign files
// are refused and leave no case or database behind.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { setGlobalSetting, getGlobalSetting } from '../../../src/workers/store/catalog.ts';
import { CASE_DB_PREFIX } from '../../../src/workers/store/schema.ts';
import type { EngineApi } from '../../../src/workers/api.ts';

const ATTACKER = '203.0.113.45';
const OTHER_CASE_IP = '198.51.100.77';
const KEY = 'SECRET-API-KEY-0123456789';
const HOOK = 'https://hooks.example.org/services/T000/B000/XXXXSECRETXXXX';

/** An auth.log: routine lines, a burst of failed passwords from one address, then a success. */
function authLog(): string {
  const out: string[] = [];
  for (let i = 0; i < 300; i++) {
    const s = String(i % 60).padStart(2, '0');
    const m = String(Math.floor(i / 60)).padStart(2, '0');
    out.push(`Mar  3 10:${m}:${s} web01 sshd[${1000 + i}]: Failed password for root from ${ATTACKER} port ${40000 + i} ssh2`);
  }
  out.push(`Mar  3 10:06:00 web01 sshd[2000]: Accepted password for deploy from ${ATTACKER} port 50000 ssh2`);
  out.push('Mar  3 10:07:00 web01 CRON[2001]: pam_unix(cron:session): session opened for user root by (uid=0)');
  out.push('this line is not syslog \u00e9\u4e2d');
  return out.join('\n') + '\n';
}

async function caseWithEverything(engine: EngineApi, name: string) {
  const info = await engine.createCase(name);
  const file = new File([authLog()], 'auth.log', { lastModified: Date.UTC(2026, 2, 3) });
  const done = await engine.ingest([{ path: 'var/log/auth.log', file }], {}, () => {});
  expect(done.done).toBe(true);
  const rule = 'title: Accepted password\nid: 0b5e3a3c-7d1e-4c55-9a0e-111111111111\nlevel: medium\nlogsource: {product: linux, service: sshd}\ndetection: {s: {message|contains: Accepted password}, condition: s}\n';
  const loaded = await engine.addSigmaRules([{ path: 'rules/accepted.yml', file: new File([rule], 'accepted.yml') }]);
  expect(loaded).toMatchObject({ added: 1, status: { alerts: 1 } });
  const list = await engine.alerts();
  expect(list.alerts.length).toBeGreaterThan(0);
  const first = list.alerts[0];
  await engine.setAlertState(first.id, { status: 'acknowledged', note: 'checked with the owner; "quoted" \n second line' });
  // secrets of this browser and, by mistake, one kept in the case: none may reach the file
  await setGlobalSetting('ti.key.abuseipdb', KEY);
  await setGlobalSetting('live.webhook', { url: HOOK, minSeverity: 'high' });
  await setGlobalSetting('ti.cache.abuseipdb', [
    { ip: ATTACKER, provider: 'abuseipdb', score: 100, fetchedMs: 1 },
    { ip: OTHER_CASE_IP, provider: 'abuseipdb', score: 5, fetchedMs: 1 },
  ]);
  const store = await CaseStore.open(info.id);
  await store.setSetting('ti.key.virustotal', KEY);
  // a followed folder: its handle belongs to this machine (a class instance stands in for FileSystemDirectoryHandle)
  class FakeHandle { kind = 'directory'; name = 'followed-folder-xyz'; }
  await store.setSetting('live.follow', { sources: [{ id: 's1', kind: 'folder', name: 'followed-folder-xyz', handle: new FakeHandle() }], files: [], intervalMs: 2000 });
  store.close();
  return { info, alertId: first.id, events: done.files.reduce((n, f) => n + f.events + f.unparsed, 0) };
}

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const textOf = (b: Uint8Array) => new TextDecoder().decode(b);
const dbNames = async () => (await indexedDB.databases()).map((d) => d.name);

describe('case hand-over', () => {
  it('export -> delete -> import -> export is byte-identical, with counts, alert statuses and notes kept', async () => {
    const engine = createEngine();
    const { info, alertId, events } = await caseWithEverything(engine, 'Hand-over round trip');
    const first = await bytesOf((await engine.exportCase(info.id)).blob);
    const text = textOf(first);
    expect(text.startsWith('{"format":"logdrop-case","version":1}\n')).toBe(true);
    expect(text).toMatch(/\n\{"t":"end","records":\d+,"sha256":"[0-9a-f]{64}"\}\n$/);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('hooks.example.org');
    expect(text).not.toContain('ti.key.');
    expect(text).not.toContain('followed-folder-xyz');
    expect(text).toContain('"key":"sigma.rules"');
    expect(text).toContain('rules/accepted.yml');
    // the cache carries the answer about this case's address only
    expect(text).toContain(`"ip":"${ATTACKER}"`);
    expect(text).not.toContain(OTHER_CASE_IP);

    const statesBefore = (await engine.alerts()).alerts.map((a) => [a.id, a.state.status, a.state.note]);
    await engine.deleteCase(info.id);
    const imported = await engine.importCase(new Blob([first]));
    expect(imported.id).toBe(info.id);
    expect(imported).toMatchObject({ name: 'Hand-over round trip', files: 1 });
    expect(imported.events + imported.unparsed).toBe(events);
    const again = await bytesOf((await engine.exportCase(imported.id)).blob);
    expect(again.length).toBe(first.length);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(first))).toBe(0);

    await engine.openCase(imported.id);
    const all = await engine.query('');
    expect(all.ok && all.handle.total).toBe(events);
    const after = (await engine.alerts()).alerts;
    expect(after.map((a) => [a.id, a.state.status, a.state.note])).toEqual(statesBefore);
    expect(after.some((a) => a.id.startsWith('0b5e3a3c-7d1e-4c55-9a0e-111111111111|'))).toBe(true);
    expect(after.find((a) => a.id === alertId)).toMatchObject({ state: { status: 'acknowledged' } });
    // keys were never written, so the import did not bring any into the case
    const store = await CaseStore.open(imported.id);
    expect(await store.getSetting('ti.key.virustotal')).toBeUndefined();
    store.close();
  });

  it('imports next to the case it came from under a new id, and reads the same', async () => {
    const engine = createEngine();
    const { info } = await caseWithEverything(engine, 'Twice');
    const first = textOf(await bytesOf((await engine.exportCase(info.id)).blob));
    const copy = await engine.importCase(new Blob([first]));
    expect(copy.id).not.toBe(info.id);
    expect((await engine.listCases()).filter((c) => c.name === 'Twice')).toHaveLength(2);
    const second = textOf(await bytesOf((await engine.exportCase(copy.id)).blob));
    const body = (t: string) => t.split('\n').slice(2, -2); // without header, case line, trailer
    expect(body(second)).toEqual(body(first));
    // the cache merge kept this browser's own answers as they were
    expect(await getGlobalSetting('ti.cache.abuseipdb')).toHaveLength(2);
  });

  it('refuses a corrupt, truncated or foreign file and leaves no case or database behind', async () => {
    const engine = createEngine();
    const { info } = await caseWithEverything(engine, 'Refusals');
    const good = await bytesOf((await engine.exportCase(info.id)).blob);
    const casesBefore = (await engine.listCases()).map((c) => c.id).sort();
    const dbsBefore = (await dbNames()).sort();

    const flipped = good.slice();
    const at = Math.floor(good.length / 2);
    flipped[at] = flipped[at] === 0x41 ? 0x42 : 0x41; // one letter changed inside a record
    const text = textOf(good);
    const records = text.split('\n');
    const withoutLine = [...records.slice(0, 3), ...records.slice(4)].join('\n');
    const cases: [string, BlobPart, RegExp][] = [
      ['one byte changed', flipped, /damaged|not a complete record|not UTF-8/],
      ['a record removed', withoutLine, /checksum does not match/],
      ['cut in a record', good.slice(0, at), /cut short/],
      ['cut after a record', text.slice(0, text.lastIndexOf('{"t":"end"')), /end record is missing/],
      ['data after the end', text + '{"t":"file","row":{}}\n', /after its end/],
      ['empty', '', /empty/],
      ['a CSV', 'timestamp,host,message\n2026-01-01,a,b\n', /not a Logdrop case file/],
      ['binary without line breaks', new Uint8Array(3 << 20).fill(0x50), /not a Logdrop case file/],
      ['a cut header', '{"format":"logdrop-ca', /not a Logdrop case file/],
      ['another JSON format', '{"format":"other","version":1}\n', /not a Logdrop case file/],
      ['a later version', '{"format":"logdrop-case","version":2}\n{"t":"case"}\n', /version 2/],
    ];
    for (const [what, bytes, message] of cases) {
      await expect(engine.importCase(new Blob([bytes])), what).rejects.toThrow(message);
      expect((await engine.listCases()).map((c) => c.id).sort(), what).toEqual(casesBefore);
      expect((await dbNames()).sort(), what).toEqual(dbsBefore);
    }
    // the case it came from is untouched
    await engine.openCase(info.id);
    expect((await engine.ledger()).map((f) => f.path)).toEqual(['var/log/auth.log']);
    expect(await dbNames()).toContain(CASE_DB_PREFIX + info.id);
  });
});
