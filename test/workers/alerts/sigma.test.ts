// Sigma rules in the engine (fake-indexeddb), as the alerts view uses them: rule files, a zip and a non-rule
// file are loaded into a case; their alerts are listed with the detectors', each with a search that selects
// exactly its evidence; a rule or a level turned off takes its alerts away; rejected documents are reported with
// file and line; the rules and what is off stay with the case; the tester answers without keeping anything.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { createEngine } from '../../../src/workers/engine.ts';

const line = (sec: number, msg: string) => {
  const d = new Date(Date.UTC(2026, 2, 3, 2, 0, sec));
  return `Mar  3 ${d.toISOString().slice(11, 19)} web01 sshd[${1000 + sec}]: ${msg}`;
};
/** 6 failures for root from one address, then a success as root, then a sudo line (another process) */
const AUTH_LOG = [
  ...Array.from({ length: 6 }, (_, i) => line(i * 10, `Failed password for root from 203.0.113.45 port ${40000 + i} ssh2`)),
  line(70, 'Accepted password for root from 203.0.113.45 port 41000 ssh2'),
  'Mar  3 02:01:20 web01 sudo[2000]:     root : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/bin/bash',
].join('\n') + '\n';
const file = (path: string, text: string) => ({ path, file: new File([text], path.split('/').pop()!, { lastModified: Date.UTC(2026, 2, 4) }) });

const FAILED = `title: SSH failed password
id: 0d6b4a8e-0000-4000-8000-000000000001
level: medium
logsource: { product: linux, service: sshd }
detection:
  keywords: ['Failed password']
  condition: keywords
`;
const ACCEPTED = `title: SSH accepted password
id: 0d6b4a8e-0000-4000-8000-000000000002
level: low
logsource: { product: linux, service: sshd }
detection:
  keywords: ['Accepted password']
  condition: keywords
`;
const WINDOWS = `title: Windows service installed
id: 0d6b4a8e-0000-4000-8000-000000000003
level: high
logsource: { product: windows, service: system }
detection:
  selection: { EventID: 7045 }
  condition: selection
`;
const BROKEN = `title: broken
id: 0d6b4a8e-0000-4000-8000-000000000004
logsource: { product: linux, service: sshd }
detection:
  selection: { foo|nosuchmodifier: x }
  condition: selection
`;
const CORRELATION = `title: Many SSH failures from one address
id: 0d6b4a8e-0000-4000-8000-000000000005
level: high
correlation:
  type: event_count
  rules: [0d6b4a8e-0000-4000-8000-000000000001]
  group-by: [init.host.ip]
  timespan: 5m
  condition: { gte: 5 }
  generate: true
`;

describe('Sigma rules in the engine', () => {
  it('loads files and zips, lists their alerts with evidence, turns rules and levels off, reports rejects, keeps it all with the case', async () => {
    const engine = createEngine();
    const info = await engine.createCase('sigma');
    await engine.ingest([file('auth.log', AUTH_LOG)], {}, () => {});
    await engine.detected(); // detection runs in the background
    const zip = zipSync({ 'rules/windows/service.yml': strToU8(WINDOWS), 'rules/linux/broken.yml': strToU8(BROKEN), 'rules/README.md': strToU8('# rules') });
    const loaded = await engine.addSigmaRules([
      file('rules/failed.yml', FAILED), file('accepted.yaml', ACCEPTED), file('notes.txt', 'not a rule'),
      { path: 'repo.zip', file: new File([zip], 'repo.zip') }, file('corr.yml', CORRELATION),
    ]);
    expect(loaded.added).toBe(5);
    expect(loaded.skipped).toEqual([{ path: 'notes.txt', reason: 'not a .yml or .yaml file' }]);
    const st = loaded.status;
    expect(st.files).toBe(5);
    expect(st.counts).toEqual({ active: 3, inactive: 1, rejected: 1 });
    const byTitle = (t: string) => st.rows.find((r) => r.title === t)!;
    expect(byTitle('Windows service installed')).toMatchObject({ status: 'inactive', level: 'high', enabled: true });
    expect(byTitle('Windows service installed').reason).toMatch(/no events of this log source/);
    const rejected = st.rows.find((r) => r.status === 'rejected')!;
    expect(rejected).toMatchObject({ file: 'repo.zip/rules/linux/broken.yml', line: 5 });
    expect(rejected.reason).toMatch(/nosuchmodifier/);
    expect(byTitle('SSH failed password').matches).toBe(6);

    const list = await engine.alerts({ ruleIds: ['0d6b4a8e-0000-4000-8000-000000000001'] });
    expect(list.alerts).toHaveLength(6);
    expect(list.alerts[0]).toMatchObject({ source: 'sigma', severity: 'medium', host: 'web01' });
    // each alert's evidence search selects exactly its evidence
    const total = async (q: string) => {
      const r = await engine.query(q);
      if (!r.ok) throw new Error(r.error.message);
      return r.handle.total;
    };
    expect(await total(list.alerts[0].evidenceQuery!)).toBe(1);
    const corr = (await engine.alerts({ ruleIds: ['0d6b4a8e-0000-4000-8000-000000000005'] })).alerts;
    expect(corr.map((a) => [a.group, a.count])).toEqual([[{ 'init.host.ip': '203.0.113.45' }, 6]]);
    expect(await total(corr[0].evidenceQuery!)).toBe(6);
    // the detectors still run beside the rules
    expect((await engine.alerts()).alerts.some((a) => a.source === 'builtin')).toBe(true);

    // a status set on a Sigma alert survives a re-run
    await engine.setAlertState(list.alerts[0].id, { status: 'acknowledged', note: 'seen' });
    // off by rule: its alerts go (and the correlation built on it sees none of its events)
    let off = await engine.setSigmaEnabled({ rules: { '0d6b4a8e-0000-4000-8000-000000000001': false } });
    expect(off.rows.find((r) => r.title === 'SSH failed password')).toMatchObject({ status: 'inactive', reason: 'turned off', enabled: false });
    expect((await engine.alerts({ ruleIds: ['0d6b4a8e-0000-4000-8000-000000000001'] })).alerts).toEqual([]);
    // off by level
    off = await engine.setSigmaEnabled({ levels: { low: false } });
    expect(off.disabledLevels).toEqual(['low']);
    expect(off.rows.find((r) => r.title === 'SSH accepted password')).toMatchObject({ reason: 'level low turned off', enabled: false });
    expect((await engine.alerts()).alerts.filter((a) => a.source === 'sigma')).toEqual([]);
    await engine.setSigmaEnabled({ rules: { '0d6b4a8e-0000-4000-8000-000000000001': true } });

    // reopened: rules, what is off, and the alert's status are still there
    const reopened = createEngine();
    await reopened.openCase(info.id);
    await reopened.detected();
    const again = await reopened.sigmaStatus();
    expect(again.counts).toEqual({ active: 2, inactive: 2, rejected: 1 }); // the low rule is off
    expect(again.disabledLevels).toEqual(['low']);
    const back = (await reopened.alerts({ ruleIds: ['0d6b4a8e-0000-4000-8000-000000000001'] })).alerts;
    expect(back.map((a) => a.state.status)).toEqual(['acknowledged', 'new', 'new', 'new', 'new', 'new']);

    const removed = await reopened.removeSigmaRules();
    expect(removed.files).toBe(0);
    expect((await reopened.alerts()).alerts.filter((a) => a.source === 'sigma')).toEqual([]);
    await reopened.deleteCase(info.id);
  });

  it('the tester runs a pasted rule: errors with their line, matches with why, nothing kept', async () => {
    const engine = createEngine();
    const info = await engine.createCase('tester');
    await engine.ingest([file('auth.log', AUTH_LOG)], {}, () => {});
    await engine.detected(); // detection runs in the background
    const rule = `title: root over ssh
id: t-1
logsource: { product: linux, service: sshd }
detection:
  who: { target.usr.name: root }
  failed: ['Failed password']
  condition: who and not failed
`;
    const r = await engine.testSigmaRule(rule, 10);
    expect(r.issues).toEqual([]);
    expect(r.total).toBe(1);
    expect(r.matches[0].message).toMatch(/Accepted password for root/);
    expect(r.matches[0].identifiers).toEqual([{ name: 'who', matched: true }, { name: 'failed', matched: false }]);
    expect(r.matches[0].fields).toEqual([{ field: 'target.usr.name', column: 'target.usr.name', value: 'root' }]);
    const bad = await engine.testSigmaRule(rule.replace('who and not failed', 'who and nope'), 10);
    expect(bad.issues).toHaveLength(1);
    expect(bad.issues[0]).toMatchObject({ line: 7 });
    expect(bad.issues[0].message).toMatch(/nope/);
    expect((await engine.sigmaStatus()).files).toBe(0);
    await engine.deleteCase(info.id);
  });
});
