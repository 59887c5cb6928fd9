// Live polls append rows to the open case; the detectors' logon arrays and their cached groups are extended
// with the new rows instead of being built again (detect/builtin/logons.ts). Following a case poll by poll on
// one table must give exactly the alerts (ids, counts, evidence, groups, messages) of a full run on a fresh
// table after each poll, Sigma rules (plain and a correlation) included, and a dropped case is unchanged.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { caseTable } from '../../../src/workers/query/eventTable.ts';
import { runDetectors } from '../../../src/detect/index.ts';
import { loadRules, runSigma } from '../../../src/detect/sigma/index.ts';
import { FAIL, groupPositions, logons } from '../../../src/detect/builtin/logons.ts';
import type { Alert, EventTable } from '../../../src/detect/types.ts';

const T0 = Date.UTC(2026, 4, 2, 8, 0);
const MIN = 60_000;

/** an sshd or Windows Security logon attempt with the normalized fields and (Windows) the record's data fields */
function logon(min: number, outcome: 'failure' | 'success', user: string, ip: string, windows = false): EventFields {
  const e: EventFields = {
    ts: T0 + min * MIN, type: 'AUTH', action: 'logon', outcome, 'target.usr.name': user, 'init.host.ip': ip, 'obs.host.name': windows ? 'dc01' : 'web01',
    message: `${outcome === 'failure' ? 'Failed' : 'Accepted'} password for ${user} from ${ip}`,
  };
  if (windows) Object.assign(e, { 'parser.name': 'evtx', 'data.Channel': 'Security', 'data.EventID': outcome === 'failure' ? '4625' : '4624', 'data.TargetUserName': user, 'data.IpAddress': ip });
  return e;
}
const web = (min: number, path: string, rc: number, ip: string): EventFields =>
  ({ ts: T0 + min * MIN, type: 'WEB', 'web.request.method': 'POST', 'target.uri.path': path, 'web.request.rc': rc, 'init.host.ip': ip });

const sec = (id: string, name: string, eventId: string) =>
  `title: ${id}\nid: ${id}\nname: ${name}\nlevel: high\nlogsource:\n    product: windows\n    service: security\ndetection:\n    sel:\n        EventID: ${eventId}\n    condition: sel`;
const RULES = loadRules([{ path: 'live.yml', text: [
  sec('win-failed', 'win_failed', '4625'),
  sec('win-ok', 'win_ok', '4624'),
  'title: burst\nid: burst\nname: burst\nlevel: high\ncorrelation:\n    type: event_count\n    rules:\n        - win_failed\n    group-by:\n        - TargetUserName\n    timespan: 10m\n    condition:\n        gte: 4',
].join('\n---\n') }]);

// the polls: a quiet start, then brute force growing across polls, spraying from a new address, a success
// after the failures, Windows failures feeding the correlation, web logins, and one poll that lands in the past
const POLLS: EventFields[][] = [
  [logon(0, 'success', 'alice', '10.0.0.5'), logon(1, 'failure', 'bob', '10.0.0.6'), web(2, '/login', 200, '10.0.0.7'), logon(3, 'failure', 'carol', '198.51.100.9', true)],
  Array.from({ length: 12 }, (_, i) => logon(10 + i * 0.5, 'failure', 'root', '203.0.113.45')),
  [...Array.from({ length: 14 }, (_, i) => logon(17 + i * 0.2, 'failure', 'root', '203.0.113.45')), logon(20, 'success', 'root', '203.0.113.45')],
  Array.from({ length: 12 }, (_, i) => logon(25 + i * 0.3, 'failure', `user${i}`, '198.51.100.77')),
  Array.from({ length: 6 }, (_, i) => logon(30 + i * 0.5, 'failure', 'carol', '198.51.100.9', true)),
  [...Array.from({ length: 6 }, (_, i) => web(34 + i * 0.1, '/wp-login.php', 403, '192.0.2.50')), web(35, '/api/login', 401, '192.0.2.50'), logon(36, 'success', 'carol', '198.51.100.9', true)],
  [logon(36, 'failure', 'root', '203.0.113.45'), logon(36, 'failure', 'dave', '10.0.0.8')],
  // older than what the case holds: the arrays are built again, and must still agree
  Array.from({ length: 6 }, (_, i) => logon(12 + i * 0.1, 'failure', 'erin', '203.0.113.46', true)),
  Array.from({ length: 20 }, (_, i) => logon(40 + i * 0.2, 'failure', i % 2 === 0 ? 'root' : 'admin', '203.0.113.45')),
];

function append(index: CaseIndex, events: EventFields[], seq: number): void {
  const b = new ChunkBuilder(Math.max(1, events.length));
  for (const e of events) b.add(e);
  index.addChunk(b.build(1, seq));
}

const shown = (a: Alert) => JSON.stringify({ ...a, evidence: [...a.evidence] });
function everything(table: EventTable): string[] {
  return [...runDetectors(table).alerts, ...runSigma(RULES, table).alerts].map(shown).sort();
}

describe('detections while following', () => {
  it('a table followed poll by poll gives the alerts of a full run after every poll', () => {
    expect(RULES.issues).toEqual([]);
    const index = new CaseIndex();
    const followed = caseTable(index);
    const rules = new Set<string>();
    POLLS.forEach((events, seq) => {
      append(index, events, seq);
      const live = everything(followed);
      expect(live).toEqual(everything(caseTable(index)));
      for (const a of live) rules.add((JSON.parse(a) as Alert).ruleId);
    });
    // the case really holds what the comparison is about
    for (const id of ['builtin.bruteforce.ip', 'builtin.bruteforce.user', 'builtin.password-spray', 'builtin.success-after-failures', 'burst']) expect(rules).toContain(id);
  });

  it('extends the logon arrays and keeps the groups a poll does not touch', () => {
    const index = new CaseIndex();
    const table = caseTable(index);
    POLLS.slice(0, 4).forEach((events, seq) => append(index, events, seq));
    const before = logons(table);
    const root = before.users.indexOf('root') + 1;
    const groupsBefore = groupPositions(before, before.user, FAIL);
    append(index, [logon(60, 'failure', 'zed', '10.9.9.9')], 99);
    const after = logons(table);
    expect(after.rows.length).toBe(before.rows.length + 1);
    expect(after.users).toBe(before.users); // extended, not rebuilt
    const groupsAfter = groupPositions(after, after.user, FAIL);
    expect(groupsAfter.get(root)).toBe(groupsBefore.get(root));
    expect(after.users[[...groupsAfter.keys()].at(-1)! - 1]).toBe('zed');
  });
});
