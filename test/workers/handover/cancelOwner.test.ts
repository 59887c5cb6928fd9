// Hand-over cancel and the alert owner, through the engine in Node (fake-indexeddb): a cancelled import deletes
// its partial database and touches nothing else; a cancelled export saves nothing; an alert's owner is kept
// across detector re-runs, carried by tickets and by the hand-over file.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import type { EngineApi } from '../../../src/workers/api.ts';
import type { HandoverProgress } from '../../../src/workers/api/handover.ts';

/** sshd lines: bursts of failures from a few addresses (brute force fires), many lines so a case has many chunks */
function authLog(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.UTC(2026, 2, 3, 10) + i * 500).toISOString().slice(11, 19);
    out.push(`Mar  3 ${t} web01 sshd[${1000 + i}]: Failed password for root from 203.0.113.${i % 5} port ${40000 + (i % 20000)} ssh2`);
  }
  return out.join('\n') + '\n';
}

async function bigCase(engine: EngineApi, name: string, lines: number) {
  const info = await engine.createCase(name);
  await engine.ingest([{ path: 'auth.log', file: new File([authLog(lines)], 'auth.log') }], {}, () => {});
  await engine.detected(); // detection runs in the background
  return info;
}

const dbNames = async () => (await indexedDB.databases()).map((d) => d.name).sort();

describe('hand-over cancel', () => {
  it('a cancelled import removes the partial case and leaves every existing case and database as it was', async () => {
    const engine = createEngine();
    const info = await bigCase(engine, 'Cancel import', 120_000);
    const file = (await engine.exportCase(info.id)).blob;
    const casesBefore = (await engine.listCases()).map((c) => c.id).sort();
    const dbsBefore = await dbNames();
    const seen: HandoverProgress[] = [];
    const importing = engine.importCase(file, (p) => {
      seen.push(p);
      if (seen.length === 2) void engine.cancelHandover(); // mid-way: chunks are already written
    });
    await expect(importing).rejects.toThrow(/import was cancelled; nothing was imported/);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)!.chunks).toBeLessThan((await engine.exportCase(info.id)).chunks);
    expect((await engine.listCases()).map((c) => c.id).sort()).toEqual(casesBefore);
    expect(await dbNames()).toEqual(dbsBefore);
    // the case it came from reads as before
    await engine.openCase(info.id);
    await engine.detected(); // detection runs in the background
    const q = await engine.query('');
    expect(q.ok && q.handle.total).toBe(120_000);
    // and a later import is not refused as "already running"
    const again = await engine.importCase(file);
    expect(again.events).toBe(120_000);
  });

  it('a cancelled export gives no file, and the next export works', async () => {
    const engine = createEngine();
    const info = await bigCase(engine, 'Cancel export', 120_000);
    let calls = 0;
    const exporting = engine.exportCase(info.id, () => {
      if (++calls === 1) void engine.cancelHandover();
    });
    await expect(exporting).rejects.toThrow(/export was cancelled/);
    const done = await engine.exportCase(info.id);
    expect(done.chunks).toBeGreaterThan(1);
  });
});

describe('alert owner', () => {
  it('is stored on the alert, kept across re-runs, carried by tickets and by the hand-over', async () => {
    const engine = createEngine();
    const info = await bigCase(engine, 'Owners', 2_000);
    const list = await engine.alerts();
    expect(list.alerts.length).toBeGreaterThan(1);
    const [a, b] = list.alerts;
    expect((await engine.setAlertState(a.id, { status: 'acknowledged', note: 'mine', owner: '  Dana (SOC) ' })).owner).toBe('Dana (SOC)');
    // a status or note change without owner keeps it
    await engine.setAlertState(a.id, { status: 'closed', note: 'blocked' });
    // a detector re-run (parameter change) keeps status, note and owner by alert id
    const brute = (await engine.detectors()).find((d) => d.alerts > 0)!;
    await engine.setDetectorParams(brute.id, { ...brute.values });
    const after = (await engine.alerts()).alerts.find((x) => x.id === a.id)!;
    expect(after.state).toEqual({ id: a.id, status: 'closed', note: 'blocked', owner: 'Dana (SOC)' });

    // tickets: the alert's owner wins; the owner given at export is for the alerts nobody took
    const json = await engine.exportAlerts('tickets-json', {}, { owner: 'on-call' });
    if (!json.ok) throw new Error(json.message);
    const tickets = JSON.parse(await json.blob.text()) as { id: string; owner: string }[];
    expect(tickets.find((t) => t.id === a.id)?.owner).toBe('Dana (SOC)');
    expect(tickets.find((t) => t.id === b.id)?.owner).toBe('on-call');
    const csv = await engine.exportAlerts('csv', {}, {});
    if (!csv.ok) throw new Error(csv.message);
    const text = await csv.blob.text();
    expect(text.split('\r\n')[0]).toContain(',note,owner,');
    expect(text).toContain('Dana (SOC)');

    // clearing it
    await engine.setAlertState(b.id, { status: 'new', note: '', owner: 'x' });
    expect((await engine.setAlertState(b.id, { status: 'new', note: '', owner: ' ' })).owner).toBeUndefined();

    // the hand-over carries it
    const file = (await engine.exportCase(info.id)).blob;
    await engine.deleteCase(info.id);
    const imported = await engine.importCase(file);
    await engine.openCase(imported.id);
    await engine.detected(); // detection runs in the background
    expect((await engine.alerts()).alerts.find((x) => x.id === a.id)?.state.owner).toBe('Dana (SOC)');
  });
});
