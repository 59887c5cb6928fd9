// RFC 3164 syslog through the real ingest path against the corpus: loghub truth files (timestamp, host,
// component, pid, content), elastic-beats' auth test.log, reconciled counts, content sniffing with the
// name hidden, and identical output when read in 100-byte chunks.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { ingestPaths, REFERENCE_MS, sourceFromPath, ingestSources } from '../../harness/ingest.ts';
import type { EventFields } from '../../../src/core/schema.ts';

type Row = Record<string, string>;
const truth = (path: string): Row[] => Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The truth's columns for one line, in our terms. Loghub names columns differently per file. */
function expected(row: Row, file: 'OpenSSH' | 'Linux') {
  const month = row.Date.length === 3 ? row.Date : row.Month;
  const day = file === 'OpenSSH' ? row.Day : row.Date;
  return {
    time: `${MONTHS.indexOf(month)}-${Number(day)} ${row.Time}`,
    host: file === 'OpenSSH' ? row.Component : row.Level,
    component: file === 'OpenSSH' ? 'sshd' : row.Component,
    pid: file === 'OpenSSH' ? row.Pid : row.PID,
    content: row.Content,
  };
}

function actual(e: EventFields) {
  const d = new Date(e.ts as number);
  return {
    time: `${d.getUTCMonth()}-${d.getUTCDate()} ${d.toISOString().slice(11, 19)}`,
    host: e['obs.host.name'],
    component: e['app.name'],
    pid: e['obs.process.id'] ?? '',
    // loghub's truth trims trailing spaces of the content
    content: String(e.message ?? '').trimEnd(),
  };
}

describe('syslog3164 on the loghub corpus, through the ingest pipeline', needsCorpus, () => {
  for (const file of ['OpenSSH', 'Linux'] as const) {
    it(`${file}_2k.log agrees with its structured truth`, async () => {
      const path = corpusPath(`loghub/${file}/${file}_2k.log`);
      const run = await ingestPaths([path], { hideNames: true });
      const rows = truth(`${path}_structured.csv`);
      const [entry] = run.ledger;
      expect(entry.parserId).toBe('syslog3164');
      expect(entry.events + entry.unparsed).toBe(rows.length);
      let agree = 0;
      rows.forEach((row, i) => {
        const e = run.events[i];
        if (e !== undefined && JSON.stringify(actual(e)) === JSON.stringify(expected(row, file))) agree++;
      });
      const rate = agree / rows.length;
      console.log(`${file}_2k.log: ${agree}/${rows.length} lines agree with the truth (${(rate * 100).toFixed(2)}%)`);
      expect(rate).toBeGreaterThanOrEqual(0.99);
    });
  }

  it('elastic-beats auth test.log: users, IPs, ports and outcomes in their roles', async () => {
    const run = await ingestPaths([corpusPath('elastic-beats/filebeat/module/system/auth/test/test.log')], { hideNames: true });
    expect(run.ledger[0]).toMatchObject({ parserId: 'syslog3164', events: 10, unparsed: 0 });
    const pick = (e: EventFields) => [e.action, e.outcome, e['init.usr.name'], e['target.usr.name'], e['init.host.ip'], e['init.host.port']];
    expect(run.events.map(pick)).toEqual([
      ['logon', 'success', undefined, 'vagrant', '10.0.2.2', 63673],
      ['logon', 'success', undefined, 'vagrant', '192.168.33.1', 58803],
      ['invalid-user', 'failure', undefined, 'test', '10.0.2.2', undefined],
      ['logon', 'failure', undefined, 'root', '216.160.83.57', 29160],
      ['sudo', 'success', 'vagrant', 'root', undefined, undefined],
      ['scan', 'failure', undefined, undefined, '2.125.160.217', undefined],
      ['sudo', 'success', 'vagrant', 'root', undefined, undefined],
      ['sudo', 'failure', 'tsg', 'root', undefined, undefined],
      ['group-created', 'success', undefined, undefined, undefined, undefined],
      ['user-created', 'success', undefined, 'apache', undefined, undefined],
    ]);
    const agreeing = run.events.filter((e) => e.type === 'AUTH').length;
    console.log(`elastic-beats auth test.log: ${agreeing}/10 lines typed AUTH with roles extracted`);
  });

  it('gives identical output with 100-byte reads and infers the year from the reference date', async () => {
    const path = corpusPath('loghub/OpenSSH/OpenSSH_2k.log');
    const whole = await ingestSources([{ ...sourceFromPath(path), lastModified: REFERENCE_MS }]);
    const small = await ingestSources([{ ...sourceFromPath(path, { chunkSize: 100 }), lastModified: REFERENCE_MS }]);
    expect(small.events).toEqual(whole.events);
    // Dec 10 with a file dated 2026-01-01: the newest year not after the file is 2025
    expect(new Date(whole.events[0].ts as number).toISOString()).toBe('2025-12-10T06:55:46.000Z');
    expect(whole.events[0]['ts.guess']).toBe('year,zone');
    expect(whole.events[1]['col.offset']).toBe(153);
  });
});
