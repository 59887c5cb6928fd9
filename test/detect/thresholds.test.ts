// Table tests of the built-in detectors on synthetic sequences: just below, at and above the thresholds,
// the window edges ([start, start + width): an event exactly `width` after the first is outside), the
// sources they generalize over (SSH, Windows, web), coverage, determinism and merging.
import { describe, expect, it } from 'vitest';
import { detectorById, runDetectors } from '../../src/detect/index.ts';
import { resolveParams, type Detector } from '../../src/detect/builtin/detector.ts';
import { mergeAlerts } from '../../src/detect/builtin/alerts.ts';
import { tableOf, type SampleEvent } from '../../src/detect/memoryTable.ts';

const T0 = Date.UTC(2026, 2, 3, 2, 0);
const MIN = 60_000;
const ssh = (ms: number, outcome: string, user = 'root', ip = '203.0.113.45'): SampleEvent =>
  ({ ts: T0 + ms, type: 'AUTH', action: 'logon', outcome, 'target.usr.name': user, 'init.host.ip': ip, 'obs.host.name': 'web01', 'app.name': 'sshd' });
const win = (ms: number, user: string, ip: string): SampleEvent =>
  ({ ts: T0 + ms, type: 'AUTH', action: 'logon', outcome: 'failure', 'alarm.id': '4625', 'target.usr.name': user, 'init.host.ip': ip, 'obs.host.name': 'DC01' });
const web = (ms: number, rc: number, ip: string, path = '/api/login'): SampleEvent =>
  ({ ts: T0 + ms, type: 'WEB', 'web.request.method': 'POST', 'target.uri.path': path, 'web.request.rc': rc, outcome: rc < 400 ? 'success' : 'failure', 'init.host.ip': ip });

const get = (id: string): Detector => detectorById(id)!;
const run = (id: string, events: SampleEvent[], params = {}) => get(id).run(tableOf(events), resolveParams(get(id).params, params));
const times = (n: number, step: number, f: (ms: number, i: number) => SampleEvent) => Array.from({ length: n }, (_, i) => f(i * step, i));

describe('brute force per account (>= 10 in 15 min)', () => {
  it.each([
    [9, 0], [10, 1], [11, 1],
  ])('%i failures one minute apart -> %i alert', (n, alerts) => {
    expect(run('builtin.bruteforce.user', times(n, MIN, (ms) => ssh(ms, 'failure')))).toHaveLength(alerts);
  });
  it('window edge: the 10th failure exactly 15 min after the first is outside, 1 ms earlier inside', () => {
    const nine = times(9, MIN, (ms) => ssh(ms, 'failure'));
    expect(run('builtin.bruteforce.user', [...nine, ssh(15 * MIN, 'failure')])).toHaveLength(0);
    expect(run('builtin.bruteforce.user', [...nine, ssh(15 * MIN - 1, 'failure')])).toHaveLength(1);
  });
  it('counts Windows 4625, 4771 and 4776 failures for one account, case by case', () => {
    const events = [
      ...times(4, MIN, (ms) => win(ms, 'administrator', '10.1.1.9')),
      ...times(3, MIN, (ms) => ({ ts: T0 + 5 * MIN + ms, action: 'kerberos-preauth', outcome: 'failure', 'target.usr.name': 'administrator', 'init.host.ip': '10.1.1.9' })),
      ...times(3, MIN, (ms) => ({ ts: T0 + 9 * MIN + ms, action: 'credential-validation', outcome: 'failure', 'target.usr.name': 'administrator', 'init.host.name': 'WS7' })),
    ];
    const alerts = run('builtin.bruteforce.user', events);
    expect(alerts.map((a) => [a.group, a.count])).toEqual([[{ 'target.usr.name': 'administrator' }, 10]]);
  });
  it('a sustained attack is one alert over consecutive windows; a pause longer than a window starts another', () => {
    const alerts = run('builtin.bruteforce.user', times(40, MIN, (ms) => ssh(ms, 'failure')));
    expect(alerts.map((a) => [a.window?.start, a.window?.end, a.count])).toEqual([[T0, T0 + 45 * MIN, 40]]);
    const twoAttacks = [...times(10, MIN, (ms) => ssh(ms, 'failure')), ...times(10, MIN, (ms) => ssh(30 * MIN + ms, 'failure'))];
    expect(run('builtin.bruteforce.user', twoAttacks).map((a) => a.count)).toEqual([10, 10]);
    const joined = [...times(10, MIN, (ms) => ssh(ms, 'failure')), ...times(10, MIN, (ms) => ssh(30 * MIN - 1 + ms, 'failure'))];
    expect(run('builtin.bruteforce.user', joined).map((a) => a.count)).toEqual([20]);
  });
  it('threshold and window follow the parameters', () => {
    const ev = times(6, 2 * MIN, (ms) => ssh(ms, 'failure'));
    expect(run('builtin.bruteforce.user', ev, { threshold: 6 })).toHaveLength(1);
    expect(run('builtin.bruteforce.user', ev, { threshold: 6, windowMinutes: 10 })).toHaveLength(0);
    expect(run('builtin.bruteforce.user', ev, { threshold: 6, windowMinutes: 11 })).toHaveLength(1);
  });
  it('ignores successes and events of other kinds with the same fields', () => {
    const ev = [...times(10, MIN, (ms) => ssh(ms, 'success')), ...times(10, MIN, (ms) => ({ ...ssh(ms, 'failure'), action: 'sudo' }))];
    expect(run('builtin.bruteforce.user', ev)).toHaveLength(0);
  });
});

describe('brute force per source address (>= 5 in 10 min)', () => {
  it.each([[4, 0], [5, 1], [6, 1]])('%i failures from one IP for different users -> %i', (n, alerts) => {
    expect(run('builtin.bruteforce.ip', times(n, MIN, (ms, i) => ssh(ms, 'failure', `u${i}`)))).toHaveLength(alerts);
  });
  it('window edge at 10 minutes', () => {
    const four = times(4, MIN, (ms) => ssh(ms, 'failure'));
    expect(run('builtin.bruteforce.ip', [...four, ssh(10 * MIN, 'failure')])).toHaveLength(0);
    expect(run('builtin.bruteforce.ip', [...four, ssh(10 * MIN - 1, 'failure')])).toHaveLength(1);
  });
  it('web login failures (401 on a POST to a login path) count; a 404 scan does not', () => {
    expect(run('builtin.bruteforce.ip', times(5, MIN, (ms) => web(ms, 401, '198.51.100.77')))).toHaveLength(1);
    expect(run('builtin.bruteforce.ip', times(5, MIN, (ms) => web(ms, 404, '198.51.100.77', '/admin.php')))).toHaveLength(0);
    expect(run('builtin.bruteforce.ip', times(5, MIN, (ms) => web(ms, 403, '198.51.100.77', '/wp-login.php')))).toHaveLength(1);
  });
  it('different addresses are separate groups', () => {
    const ev = times(8, MIN, (ms, i) => ssh(ms, 'failure', 'root', i % 2 === 0 ? '192.0.2.1' : '192.0.2.2'));
    expect(run('builtin.bruteforce.ip', ev)).toHaveLength(0);
  });
});

describe('password spraying (>= 10 accounts from one IP in 30 min)', () => {
  it.each([[9, 0], [10, 1], [11, 1]])('%i distinct accounts -> %i', (n, alerts) => {
    expect(run('builtin.password-spray', times(n, 2 * MIN, (ms, i) => win(ms, `user${i}`, '198.51.100.77')))).toHaveLength(alerts);
  });
  it('the same account many times is not spraying', () => {
    expect(run('builtin.password-spray', times(30, MIN, (ms) => win(ms, 'bob', '198.51.100.77')))).toHaveLength(0);
  });
  it('window edge: the 10th account exactly 30 min after the first is outside', () => {
    const nine = times(9, MIN, (ms, i) => win(ms, `user${i}`, '198.51.100.77'));
    expect(run('builtin.password-spray', [...nine, win(30 * MIN, 'user9', '198.51.100.77')])).toHaveLength(0);
    expect(run('builtin.password-spray', [...nine, win(30 * MIN - 1, 'user9', '198.51.100.77')])).toHaveLength(1);
  });
});

describe('success after failures (>= 5 failures in the 30 min before)', () => {
  const burst = (n: number) => times(n, MIN, (ms) => ssh(ms, 'failure', 'deploy'));
  it.each([[4, 0], [5, 2], [6, 2]])('%i failures then a success -> %i alerts (by ip and by user)', (n, alerts) => {
    expect(run('builtin.success-after-failures', [...burst(n), ssh(20 * MIN, 'success', 'deploy')])).toHaveLength(alerts);
  });
  it('keys: by ip only, by user only', () => {
    const ev = [...burst(5), ssh(20 * MIN, 'success', 'deploy')];
    expect(run('builtin.success-after-failures', ev, { by: 'ip' }).map((a) => a.group)).toEqual([{ 'init.host.ip': '203.0.113.45' }]);
    expect(run('builtin.success-after-failures', ev, { by: 'user' }).map((a) => a.group)).toEqual([{ 'target.usr.name': 'deploy' }]);
  });
  it('look-back edge: a failure exactly 30 min before the success is inside, one earlier is not', () => {
    const ev = (first: number) => [ssh(first, 'failure', 'deploy'), ...times(4, MIN, (ms) => ssh(20 * MIN + ms, 'failure', 'deploy')), ssh(30 * MIN, 'success', 'deploy')];
    expect(run('builtin.success-after-failures', ev(0), { by: 'ip' })).toHaveLength(1);
    expect(run('builtin.success-after-failures', ev(-1), { by: 'ip' })).toHaveLength(0);
  });
  it('failures before an earlier success are spent: a second success right after raises nothing', () => {
    const ev = [...burst(5), ssh(20 * MIN, 'success', 'deploy'), ssh(21 * MIN, 'success', 'deploy')];
    expect(run('builtin.success-after-failures', ev, { by: 'ip' })).toHaveLength(1);
  });
  it('the alert id does not move when the threshold changes (status survives tuning)', () => {
    const ev = [...burst(8), ssh(20 * MIN, 'success', 'deploy')];
    const a = run('builtin.success-after-failures', ev, { minFailures: 5 }).map((x) => x.id);
    const b = run('builtin.success-after-failures', ev, { minFailures: 8 }).map((x) => x.id);
    expect(b).toEqual(a);
    expect(run('builtin.success-after-failures', ev, { minFailures: 9 })).toHaveLength(0);
  });
  it('the success is kept in the evidence even when failures exceed the cap', () => {
    const ev = [...times(500, 1000, (ms) => ssh(ms, 'failure', 'deploy')), ssh(600_000, 'success', 'deploy')];
    const [a] = run('builtin.success-after-failures', ev, { by: 'ip' });
    expect(a.count).toBe(501);
    expect(a.evidence).toHaveLength(200);
    expect(a.evidence.at(-1)).toBe(500);
  });
});

describe('failed-logon spikes (z-score over 30-min buckets)', () => {
  // one failure per bucket for 10 buckets, then n in the 11th: mean 1, sd floored at 1 -> z = n - 1
  const ev = (n: number) => [...times(10, 30 * MIN, (ms) => ssh(ms, 'failure', 'alice')), ...times(n, 1000, (ms) => ssh(300 * MIN + ms, 'failure', 'alice'))];
  it.each([[4, 4, 0], [4, 5, 1], [4, 6, 1]])('threshold %s SD, %i failures in the bucket (z = n - 1) -> %i', (threshold, n, alerts) => {
    expect(run('builtin.failed-logon-spike', ev(n), { threshold, minFailures: 1 })).toHaveLength(alerts);
  });
  it('bucket edges are epoch-aligned: a burst split over two buckets is two smaller buckets (3 + 3, not 6)', () => {
    const split = [...times(10, 30 * MIN, (ms) => ssh(ms, 'failure', 'alice')), ...times(6, 1000, (ms) => ssh(330 * MIN - 3000 + ms, 'failure', 'alice'))];
    // bucket 10 holds 3 (z = 2); bucket 11 holds 3 over a baseline that now includes bucket 10 (z < 2)
    expect(run('builtin.failed-logon-spike', split, { threshold: 2, minFailures: 3 }).map((a) => a.count)).toEqual([3]);
    expect(run('builtin.failed-logon-spike', split, { threshold: 2, minFailures: 4 })).toHaveLength(0);
  });
  it('needs 4 baseline buckets', () => {
    expect(run('builtin.failed-logon-spike', times(20, 1000, (ms) => ssh(ms, 'failure', 'alice')))).toHaveLength(0);
  });
});

describe('account changes and tampering', () => {
  const at = (min: number, e: SampleEvent): SampleEvent => ({ ts: T0 + min * MIN, 'obs.host.name': 'web01', ...e });
  it('Windows and Linux lifecycle events, one alert per kind, host and object', () => {
    const ev = [
      at(0, { action: 'account-create', 'alarm.id': '4720', 'target.usr.name': 'svc-backup' }),
      at(1, { action: 'group-member-add', 'alarm.id': '4732', 'target.usr.name': 'svc-backup', 'target.group.name': 'Administrators' }),
      at(2, { action: 'service-install', 'alarm.id': '7045', 'target.service.name': 'updsvc' }),
      at(3, { action: 'task-create', 'alarm.id': '4698', 'target.task.name': '\\Updater' }),
      at(4, { action: 'log-clear', 'alarm.id': '1102' }),
      at(5, { action: 'account-delete', 'target.usr.name': 'olduser' }),
      at(6, { action: 'account-enable', 'target.usr.name': 'guest' }),
      at(7, { action: 'user-deleted', 'target.usr.name': 'tmp' }),
    ];
    const alerts = run('builtin.account-tampering', ev);
    expect(alerts.map((a) => a.message)).toEqual([
      'Account created: svc-backup on web01', 'Added to a privileged group: svc-backup → Administrators on web01', 'Service installed: updsvc on web01',
      'Scheduled task created: \\Updater on web01', 'Audit log cleared on web01', 'Account deleted: olduser on web01', 'Account enabled: guest on web01',
      'Account deleted: tmp on web01',
    ]);
  });
  it('merge window: the same change 59 min later merges, 60 min later is a new alert', () => {
    const e = { action: 'service-install', 'target.service.name': 'x' };
    expect(run('builtin.account-tampering', [at(0, e), at(59, e)]).map((a) => a.count)).toEqual([2]);
    expect(run('builtin.account-tampering', [at(0, e), at(60, e)]).map((a) => a.count)).toEqual([1, 1]);
  });
  it('sudo to root: by an account created in the case, yes; by an old admin, no', () => {
    const sudo = (min: number, who: string) => at(min, { action: 'sudo', outcome: 'success', 'init.usr.name': who, 'target.usr.name': 'root' });
    const ev = [sudo(0, 'alice'), at(10, { action: 'user-created', 'target.usr.name': 'backdoor' }), sudo(20, 'backdoor'), sudo(30, 'alice')];
    const alerts = run('builtin.account-tampering', ev);
    expect(alerts.map((a) => a.message)).toEqual(['Account created: backdoor on web01', 'Sudo to root by a new account: backdoor on web01']);
  });
  it('sudo to root: an account first seen after a day of history, within newUserHours', () => {
    const sudo = (min: number, who: string) => at(min, { action: 'sudo', outcome: 'success', 'init.usr.name': who, 'target.usr.name': 'root' });
    const ev = [sudo(0, 'alice'), at(25 * 60, { action: 'logon', outcome: 'success', 'target.usr.name': 'mallory' }), sudo(25 * 60 + 5, 'mallory')];
    expect(run('builtin.account-tampering', ev)).toHaveLength(1);
    expect(run('builtin.account-tampering', ev, { newUserHours: 26 })).toHaveLength(0);
  });
  it('group additions: privileged only unless allGroups', () => {
    const ev = [at(0, { action: 'group-member-added', 'target.usr.name': 'bob', 'target.group.name': 'docker' })];
    expect(run('builtin.account-tampering', ev)).toHaveLength(0);
    expect(run('builtin.account-tampering', ev, { allGroups: true })).toHaveLength(1);
  });
});

describe('GeoIP detectors and coverage', () => {
  it('without GeoIP fields the geo detectors wait for enrichment and raise nothing', () => {
    const { detectors, alerts } = runDetectors(tableOf(times(10, MIN, (ms) => ssh(ms, 'failure'))));
    const state = Object.fromEntries(detectors.map((d) => [d.id, d.coverage.state]));
    expect(state).toMatchObject({ 'builtin.new-country': 'waiting', 'builtin.impossible-travel': 'waiting', 'builtin.multi-signal': 'waiting', 'builtin.bruteforce.user': 'active' });
    expect(detectors.find((d) => d.id === 'builtin.new-country')?.coverage.reason).toMatch(/waiting for GeoIP enrichment/);
    expect(alerts.map((a) => a.ruleId).sort()).toEqual(['builtin.bruteforce.ip', 'builtin.bruteforce.user']);
  });
  it('impossible travel: speed just under / over the limit', () => {
    // Paris -> Berlin ~ 878 km
    const ok = (min: number, point: string): SampleEvent => ({ ...ssh(min * MIN, 'success', 'alice'), 'init.host.loc.geo_point': point });
    expect(run('builtin.impossible-travel', [ok(0, '48.8566,2.3522'), ok(50, '52.52,13.405')])).toHaveLength(1);
    expect(run('builtin.impossible-travel', [ok(0, '48.8566,2.3522'), ok(55, '52.52,13.405')])).toHaveLength(0);
    expect(run('builtin.impossible-travel', [ok(0, 'POINT (2.3522 48.8566)'), ok(50, 'POINT (13.405 52.52)')])).toHaveLength(1);
  });
});

describe('alert ids and merging', () => {
  it('ids are deterministic: rule, group key and window start', () => {
    const ev = times(10, MIN, (ms) => ssh(ms, 'failure'));
    const a = run('builtin.bruteforce.user', ev), b = run('builtin.bruteforce.user', [...ev].reverse());
    expect(a[0].id).toBe('builtin.bruteforce.user|target.usr.name=root|2026-03-03T02:00:00.000Z');
    expect(b.map((x) => x.id)).toEqual(a.map((x) => x.id));
  });
  it('duplicates of one id merge with their counts', () => {
    const [a] = run('builtin.bruteforce.user', times(10, MIN, (ms) => ssh(ms, 'failure')));
    const merged = mergeAlerts([a, { ...a, count: 3, evidence: [100, 101, 102], lastTs: a.lastTs + 1 }]);
    expect(merged).toHaveLength(1);
    expect(merged[0].count).toBe(13);
    expect(merged[0].evidence).toHaveLength(13);
  });
  it('the evidence query names the group and the time range', () => {
    const [a] = run('builtin.bruteforce.ip', times(5, MIN, (ms) => ssh(ms, 'failure')));
    expect(a.evidenceQuery).toBe('init.host.ip:"203.0.113.45" and outcome:failure and (action:(logon kerberos-preauth credential-validation) or type:WEB) and ts >= 2026-03-03T02:00:00.000Z and ts <= 2026-03-03T02:04:00.000Z');
  });
});
