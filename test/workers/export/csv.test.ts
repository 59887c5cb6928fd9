// The CSV exporters on real ingests (the demo bundle, the hostile payload log): parsed back with papaparse,
// every row of the query in the table's order, the right header, times in the chosen zone with their offset,
// and no live formula unless the user turns neutralisation off.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { QueryEngine } from '../../../src/workers/query/engine.ts';
import { isLiveFormula } from '../../../src/workers/export/neutralise.ts';
import { demoEngine } from '../query/demoEngine.ts';
import { engineOf, exportText, HOSTILE } from './helpers.ts';

const parse = (text: string): string[][] => {
  const r = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true, delimiter: ',' });
  expect(r.errors).toEqual([]);
  return r.data;
};

let demo: QueryEngine;
let hostile: QueryEngine;
beforeAll(async () => {
  demo = await demoEngine();
  hostile = await engineOf([join(HOSTILE, 'html-payloads.log')]);
}, 120_000);

describe('CSV of the visible columns', () => {
  const columns = ['ts', 'obs.host.name', 'init.host.ip', 'target.usr.name', 'outcome', 'message'];

  it('writes the header, then every matching event in time order, times with their offset', async () => {
    const { text, total } = await exportText(demo, 'outcome:failure', 'csv', { columns, timeZone: 'Europe/Paris' });
    const rows = parse(text);
    expect(rows[0]).toEqual(columns);
    expect(rows.length - 1).toBe(total);
    expect(total).toBeGreaterThan(3000);
    const r = demo.query('outcome:failure');
    if (!r.ok) throw new Error('query');
    const first = demo.page(r.handle.id, 0, 50);
    for (let i = 0; i < first.length; i++) {
      const f = first[i].fields;
      expect(rows[i + 1][1]).toBe(f['obs.host.name'] ?? '');
      expect(Date.parse(rows[i + 1][0])).toBe(f.ts);
      // Paris in winter/summer: the offset is written, and names the same instant
      expect(rows[i + 1][0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/);
    }
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('follows the table sort: by user descending, like the table pages', async () => {
    const sort = { field: 'target.usr.name', dir: 'desc' as const };
    const { text } = await exportText(demo, 'outcome:failure', 'csv', { columns: ['col.file', 'col.line', 'target.usr.name'], sort });
    const rows = parse(text).slice(1);
    const r = demo.query('outcome:failure');
    if (!r.ok) throw new Error('query');
    const page = demo.page(r.handle.id, 0, r.handle.total, sort);
    expect(rows.map((x) => `${x[0]}:${x[1]}`)).toEqual(page.map((p) => `${p.fields['col.file']}:${p.fields['col.line']}`));
  });

  it('time descending keeps events without a time last, as the table does', async () => {
    const sort = { field: 'ts', dir: 'desc' as const };
    const { text } = await exportText(demo, '', 'csv', { columns: ['col.file', 'col.line'], sort });
    const r = demo.query('');
    if (!r.ok) throw new Error('query');
    const page = demo.page(r.handle.id, 0, r.handle.total, sort);
    expect(parse(text).slice(1).map((x) => `${x[0]}:${x[1]}`)).toEqual(page.map((p) => `${p.fields['col.file']}:${p.fields['col.line']}`));
  });

  it('only the time range asked for', async () => {
    const all = demo.query('');
    if (!all.ok) throw new Error('query');
    const [a, b] = demo.page(all.handle.id, 0, 2000).map((p) => p.fields.ts as number).filter((_, i) => i === 500 || i === 1500);
    const { text, total } = await exportText(demo, '', 'csv', { columns: ['ts'], range: { from: a, to: b } });
    const cells = parse(text).slice(1).map((x) => x[0]);
    const times = cells.map((c) => Date.parse(c));
    expect(times.length).toBe(total);
    expect(times.filter((t) => !(t >= a && t < b))).toEqual([]);
  });
});

describe('CSV injection', () => {
  const columns = ['ts', 'obs.host.name', 'app.name', 'message', 'raw'];

  it('no cell of the hostile log starts a live formula; the text is otherwise kept', async () => {
    const { text } = await exportText(hostile, '', 'csv', { columns });
    const rows = parse(text);
    expect(rows.length - 1).toBe(5);
    for (const cell of rows.flat()) expect(isLiveFormula(cell)).toBe(false);
    expect(text).toContain('<script>alert(1)</script>'); // markup is data in a CSV: kept verbatim
    const messages = rows.slice(1).map((r) => r[3]);
    expect(messages).toContain('user comment: <script>alert(1)</script>');
  });

  it('a value that starts with a formula is prefixed, and written as it is with the toggle off', async () => {
    // the payloads sit inside messages; app.name of the last line is markup. Query for a field value that starts with '='
    const { text: on } = await exportText(hostile, '', 'csv', { columns: ['message'] });
    const { text: off } = await exportText(hostile, '', 'csv', { columns: ['message'], neutralise: false });
    expect(parse(on).slice(1)).toEqual(parse(off).slice(1)); // none of the messages starts with = + - @
    const withFormula = await engineOf([join(HOSTILE, 'html-payloads.log')]);
    withFormula.addChunk((await import('./formulaChunk.ts')).formulaChunk());
    const guarded = parse((await exportText(withFormula, 'parser.name:test', 'csv', { columns: ['target.usr.name', 'init.host.port', 'data.zone'] })).text).slice(1);
    const raw = parse((await exportText(withFormula, 'parser.name:test', 'csv', { columns: ['target.usr.name', 'init.host.port', 'data.zone'], neutralise: false })).text).slice(1);
    expect(raw.map((r) => r[0])).toEqual(['=cmd|\' /C calc\'!A0', '@SUM(A1)', '-2+3', '+1+1', '\t=1', 'alice']);
    expect(guarded.map((r) => r[0])).toEqual(['\'=cmd|\' /C calc\'!A0', '\'@SUM(A1)', '\'-2+3', '\'+1+1', '\'\t=1', 'alice']);
    // numbers and offsets stay readable
    expect(guarded.map((r) => r[1])).toEqual(['-1', '22', '', '', '', '']);
    expect(guarded.map((r) => r[2])).toEqual(['+02:00', '-05:30', '-', '', '', '']);
  });

  it('the header is neutralised too (field names come from the logs)', async () => {
    const e = await engineOf([join(HOSTILE, 'html-payloads.log')]);
    const { text } = await exportText(e, '', 'csv', { columns: ['=HYPERLINK("x")', 'ts'] });
    expect(parse(text)[0]).toEqual(['\'=HYPERLINK("x")', 'ts']);
  });
});

describe('CSV presets', () => {
  it('analyst CSV: its eight columns, username from the target else the initiator', async () => {
    const { text, total } = await exportText(demo, 'app.name:sshd', 'csv-analyst', { timeZone: 'UTC' });
    const rows = parse(text);
    expect(rows[0]).toEqual(['timestamp', 'host', 'source', 'app', 'message', 'source_ip', 'username', 'outcome']);
    expect(rows.length - 1).toBe(total);
    const failed = rows.find((r) => r[4].startsWith('Failed password for'));
    expect(failed).toBeDefined();
    expect(failed![0]).toMatch(/\+00:00$/);
    expect(failed![1]).toBe('web01');
    expect(failed![3]).toBe('sshd');
    expect(failed![5]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(failed![6]).not.toBe('');
    expect(failed![7]).toBe('failure');
  });

  it('all fields: one column per field of the case, raw included, core fields first', async () => {
    const { text } = await exportText(demo, 'alarm.id:4625', 'csv-all');
    const rows = parse(text);
    expect(rows[0].slice(0, 2)).toEqual(['ts', 'ts.raw']);
    expect(rows[0]).toContain('raw');
    expect(rows[0]).toContain('data.TargetUserName');
    const user = rows[0].indexOf('data.TargetUserName');
    expect(rows.slice(1).every((r) => r.length === rows[0].length)).toBe(true);
    expect(rows.slice(1).some((r) => r[user] !== '')).toBe(true);
  });

  it('Timesketch: the mandatory columns first, datetime ISO 8601, timestamp in microseconds, no dotted names', async () => {
    const { text, total } = await exportText(demo, 'outcome:failure', 'timesketch', { columns: ['ts', 'init.host.ip', 'data.TargetUserName', 'message'] });
    const rows = parse(text);
    expect(rows[0].slice(0, 4)).toEqual(['message', 'datetime', 'timestamp_desc', 'timestamp']);
    expect(rows[0].every((h) => !h.includes('.'))).toBe(true);
    expect(rows[0]).toContain('data_TargetUserName');
    expect(rows.length - 1).toBe(total);
    for (const r of rows.slice(1, 200)) {
      expect(r[0]).not.toBe('');
      expect(Date.parse(r[1]) * 1000).toBe(Number(r[3]));
      expect(r[2]).toBe('Event Recorded');
    }
  });

  it('Timeline Explorer: byte-order mark, time without T with the offset apart', async () => {
    const { text } = await exportText(demo, 'outcome:failure', 'csv-timeline-explorer', { timeZone: 'America/New_York' });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text);
    expect(rows[0]).toEqual(['Timestamp', 'UtcOffset', 'Computer', 'Source', 'Line', 'App', 'EventId', 'User', 'SourceIp', 'Outcome', 'Message']);
    expect(rows[1][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    expect(rows[1][1]).toMatch(/^-0[45]:00$/);
    expect(Date.parse(`${rows[1][0].replace(' ', 'T')}${rows[1][1]}`)).not.toBeNaN();
  });
});
