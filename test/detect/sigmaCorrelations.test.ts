// Table tests of Sigma correlations (sigma-correlation-rules-specification.md v2.1): the seven types,
// group-by, aliases, windows at their exact edges ([start, start + timespan], both included), chaining,
// generate, and the legacy `| count() by` aggregation.
import { describe, expect, it } from 'vitest';
import { loadRules, runSigma } from '../../src/detect/sigma/index.ts';
import { memoryTable } from '../harness/memoryTable.ts';
import { secEvents } from './sigmaHelpers.ts';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

const FAILED = 'title: failed\nid: failed\nname: failed_login\nlogsource:\n    product: windows\n    service: security\ndetection:\n    sel:\n        EventID: 4625\n    condition: sel';
const OK = 'title: ok\nid: ok\nname: successful_login\nlogsource:\n    product: windows\n    service: security\ndetection:\n    sel:\n        EventID: 4624\n    condition: sel';

function corr(body: string, id = 'c1'): string {
  return `title: corr ${id}\nid: ${id}\nlevel: high\ncorrelation:\n${body.trim().split('\n').map((l) => `    ${l}`).join('\n')}`;
}

type Ev = [minutes: number, eventId: number, user: string, extra?: Record<string, string>];

function run(docs: string[], events: Ev[]) {
  const set = loadRules([{ path: 'c.yml', text: docs.join('\n---\n') }]);
  expect(set.issues).toEqual([]);
  const table = memoryTable(secEvents(events.map(([m, id, user, extra]) => ({ ts: T0 + m * MIN, EventID: String(id), TargetUserName: user, ...extra }))));
  return runSigma(set, table);
}

const countRule = (gte: number, span = '10m') => corr(`type: event_count\nrules:\n    - failed_login\ngroup-by:\n    - TargetUserName\ntimespan: ${span}\ncondition:\n    gte: ${gte}`);

describe('event_count', () => {
  it('fires at the threshold, not below; one alert per group and window', () => {
    const evs: Ev[] = [[0, 4625, 'bob'], [1, 4625, 'bob'], [2, 4625, 'bob'], [0, 4625, 'eve'], [1, 4625, 'eve']];
    const a = run([countRule(3), FAILED], evs).alerts.filter((x) => x.ruleId === 'c1');
    expect(a.map((x) => [x.group.TargetUserName, x.count, x.ts])).toEqual([['bob', 3, T0]]);
    expect(a[0].id).toBe(`c1|TargetUserName=bob\u0001|${T0}`);
  });

  it('windows at their exact edges: an event exactly timespan after the first is inside, 1 ms later is not', () => {
    const inside: Ev[] = [[0, 4625, 'bob'], [5, 4625, 'bob'], [10, 4625, 'bob']];
    expect(run([countRule(3), FAILED], inside).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(1);
    const set = loadRules([{ path: 'c.yml', text: [countRule(3), FAILED].join('\n---\n') }]);
    const t = memoryTable(secEvents([0, 5 * MIN, 10 * MIN + 1].map((d) => ({ ts: T0 + d, EventID: '4625', TargetUserName: 'bob' }))));
    expect(runSigma(set, t).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(0);
  });

  it('a burst later in the timeline is found (sliding window), and bursts apart give two alerts', () => {
    const evs: Ev[] = [[0, 4625, 'bob'], [20, 4625, 'bob'], [21, 4625, 'bob'], [22, 4625, 'bob'], [60, 4625, 'bob'], [61, 4625, 'bob'], [62, 4625, 'bob']];
    const a = run([countRule(3), FAILED], evs).alerts.filter((x) => x.ruleId === 'c1');
    expect(a.map((x) => (x.ts - T0) / MIN)).toEqual([20, 60]);
  });

  it('referenced rules stay quiet unless generate: true; events without the group-by field are left out', () => {
    const evs: Ev[] = [[0, 4625, 'bob'], [1, 4625, 'bob'], [2, 4625, 'bob']];
    expect(run([countRule(3), FAILED], evs).alerts.filter((x) => x.ruleId === 'failed')).toHaveLength(0);
    const loud = countRule(3) + '\ngenerate: true';
    expect(run([loud, FAILED], evs).alerts.filter((x) => x.ruleId === 'failed')).toHaveLength(3);
    const set = loadRules([{ path: 'c.yml', text: [countRule(3), FAILED].join('\n---\n') }]);
    const t = memoryTable(secEvents([0, 1, 2].map((m) => ({ ts: T0 + m * MIN, EventID: '4625' }))));
    expect(runSigma(set, t).alerts).toHaveLength(0);
  });
});

describe('value_count, value_sum, value_avg, value_percentile', () => {
  it('value_count: distinct users per source address (password spraying)', () => {
    const c = corr('type: value_count\nrules:\n    - failed_login\ngroup-by:\n    - IpAddress\ntimespan: 10m\ncondition:\n    field: TargetUserName\n    gte: 3');
    const ip = { IpAddress: '203.0.113.9' };
    const evs: Ev[] = [[0, 4625, 'a', ip], [1, 4625, 'a', ip], [2, 4625, 'b', ip], [3, 4625, 'b', ip]];
    expect(run([c, FAILED], evs).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(0);
    const a = run([c, FAILED], [...evs, [4, 4625, 'c', ip]]).alerts.filter((x) => x.ruleId === 'c1');
    expect(a.map((x) => [x.group.IpAddress, x.count])).toEqual([['203.0.113.9', 5]]);
  });

  it('value_sum and value_avg over a numeric field', () => {
    const sum = corr('type: value_sum\nrules:\n    - failed_login\ngroup-by:\n    - TargetUserName\ntimespan: 1h\ncondition:\n    field: Bytes\n    gt: 100');
    const avg = corr('type: value_avg\nrules:\n    - failed_login\ngroup-by:\n    - TargetUserName\ntimespan: 1h\ncondition:\n    field: Bytes\n    gt: 60', 'c2');
    const evs: Ev[] = [[0, 4625, 'bob', { Bytes: '50' }], [1, 4625, 'bob', { Bytes: '51' }], [0, 4625, 'eve', { Bytes: '100' }]];
    const r = run([sum, avg, FAILED], evs);
    expect(r.alerts.filter((x) => x.ruleId === 'c1').map((x) => x.group.TargetUserName)).toEqual(['bob']);
    expect(r.alerts.filter((x) => x.ruleId === 'c2').map((x) => x.group.TargetUserName)).toEqual(['eve']);
  });

  it('value_percentile: a value seen in at most N% of the group window', () => {
    const c = corr('type: value_percentile\nrules:\n    - failed_login\ngroup-by:\n    - Computer\ntimespan: 1d\ncondition:\n    field: TargetUserName\n    lte: 10');
    const common = Array.from({ length: 19 }, (_, i): Ev => [i, 4625, 'bob', { Computer: 'h1' }]);
    expect(run([c, FAILED], common).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(0);
    expect(run([c, FAILED], [...common, [30, 4625, 'rare', { Computer: 'h1' }]]).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(1);
  });
});

describe('temporal and temporal_ordered', () => {
  const temporal = (type: string) => corr(`type: ${type}\nrules:\n    - failed_login\n    - successful_login\ngroup-by:\n    - TargetUserName\ntimespan: 10m`);

  it('temporal needs every rule within the timespan for the same group', () => {
    expect(run([temporal('temporal'), FAILED, OK], [[0, 4624, 'bob'], [5, 4625, 'bob']]).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(1);
    // same times, different users: group-by keeps them apart
    expect(run([temporal('temporal'), FAILED, OK], [[0, 4624, 'bob'], [5, 4625, 'eve']]).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(0);
    expect(run([temporal('temporal'), FAILED, OK], [[0, 4624, 'bob'], [11, 4625, 'bob']]).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(0);
  });

  it('temporal_ordered honours the order of the rules', () => {
    expect(run([temporal('temporal_ordered'), FAILED, OK], [[0, 4625, 'bob'], [5, 4624, 'bob']]).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(1);
    expect(run([temporal('temporal_ordered'), FAILED, OK], [[0, 4624, 'bob'], [5, 4625, 'bob']]).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(0);
    expect(run([temporal('temporal_ordered'), FAILED, OK], [[0, 4625, 'bob'], [5, 4624, 'eve']]).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(0);
  });

  it('aliases group different fields of different rules under one name', () => {
    const c = corr('type: temporal\nrules:\n    - failed_login\n    - successful_login\ngroup-by:\n    - account\ntimespan: 10m\naliases:\n    account:\n        failed_login: TargetUserName\n        successful_login: SubjectUserName');
    const r = run([c, FAILED, OK], [[0, 4625, 'bob'], [1, 4624, 'x', { SubjectUserName: 'bob' }]]);
    expect(r.alerts.filter((x) => x.ruleId === 'c1').map((x) => x.group)).toEqual([{ account: 'bob' }]);
  });
});

describe('chained correlations and the legacy aggregation', () => {
  it('many failures then a success for the same user (the specification example)', () => {
    const many = 'title: many\nid: many\nname: multiple_failed_login\ncorrelation:\n    type: event_count\n    rules:\n        - failed_login\n    group-by:\n        - TargetUserName\n    timespan: 10m\n    condition:\n        gte: 3';
    const chain = corr('type: temporal_ordered\nrules:\n    - multiple_failed_login\n    - successful_login\ngroup-by:\n    - TargetUserName\ntimespan: 10m');
    const burst: Ev[] = [[0, 4625, 'bob'], [1, 4625, 'bob'], [2, 4625, 'bob']];
    const r = run([chain, many, FAILED, OK], [...burst, [4, 4624, 'bob']]);
    const a = r.alerts.filter((x) => x.ruleId === 'c1');
    expect(a).toHaveLength(1);
    expect(a[0].count).toBe(4);
    expect(a[0].evidence).toHaveLength(4);
    // the intermediate correlation is part of the chain: no alert of its own
    expect(r.alerts.filter((x) => x.ruleId === 'many')).toHaveLength(0);
    // success before the burst completes: no alert
    expect(run([chain, many, FAILED, OK], [[0, 4625, 'bob'], [1, 4625, 'bob'], [1.5, 4624, 'bob'], [2, 4625, 'bob']]).alerts.filter((x) => x.ruleId === 'c1')).toHaveLength(0);
  });

  it('reads `selection | count(field) by group > n` with timeframe as the equivalent correlation', () => {
    const legacy = "title: spray\nid: legacy\nlogsource:\n    product: windows\n    service: security\ndetection:\n    selection:\n        EventID: 4625\n    timeframe: 10m\n    condition: selection | count(TargetUserName) by IpAddress > 2";
    const ip = { IpAddress: '198.51.100.7' };
    const r = run([legacy], [[0, 4625, 'a', ip], [1, 4625, 'b', ip], [2, 4625, 'c', ip]]);
    expect(r.alerts.map((x) => [x.ruleId, x.group.IpAddress, x.count])).toEqual([['legacy', '198.51.100.7', 3]]);
    expect(run([legacy], [[0, 4625, 'a', ip], [1, 4625, 'b', ip], [2, 4625, 'b', ip]]).alerts).toHaveLength(0);
  });

  it('rejects a correlation naming an unknown rule, with the line of the reference', () => {
    const set = loadRules([{ path: 'c.yml', text: corr('type: event_count\nrules:\n    - nope\ngroup-by:\n    - U\ntimespan: 5m\ncondition:\n    gte: 2') }]);
    expect(set.correlations).toHaveLength(0);
    expect(set.issues[0]).toMatchObject({ file: 'c.yml', line: 7, message: "unknown rule 'nope'" });
  });
});
