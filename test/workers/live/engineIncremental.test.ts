// Detections while following, through the engine: the alerts after several polls (the detectors' inputs and
// per-key alerts extended poll by poll) and the statuses set between polls must be exactly what a full run
// gives, here the same case reopened in a new engine (opening builds everything again from the stored events).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import type { AlertItem, FollowSource, LiveUpdate } from '../../../src/workers/api.ts';
import { MemoryFs } from './memoryFs.ts';

let sec = 0;
/** one sshd line, each 7 s after the previous one */
const line = (msg: string) => {
  sec += 7;
  const d = new Date(Date.UTC(2026, 2, 3, 2, 0, sec));
  return `Mar  3 ${d.toISOString().slice(11, 19)} web01 sshd[${1000 + sec}]: ${msg}\n`;
};
const fail = (user: string, ip: string) => line(`Failed password for ${user} from ${ip} port ${40000 + sec} ssh2`);
const ok = (user: string, ip: string) => line(`Accepted password for ${user} from ${ip} port ${40000 + sec} ssh2`);
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

const folder = { kind: 'folder', name: 'logs', handle: {} } as unknown as Omit<FollowSource, 'id'>;
const shown = (a: AlertItem) => JSON.stringify({ ...a, evidence: [...a.evidence] });

describe('engine live detections', () => {
  it('gives the alerts and kept statuses of a full run after polls that extend brute force, spraying and success after failures', async () => {
    const fs = new MemoryFs(false);
    fs.append('auth.log', fail('bob', '10.0.0.6') + ok('alice', '10.0.0.5'));
    const engine = createEngine({ followFs: () => fs });
    const info = await engine.createCase('incremental');
    const got: LiveUpdate[] = [];
    let wake: (() => void) | undefined;
    void engine.watchLive((u) => {
      got.push(u);
      wake?.();
    });
    let seen = 0;
    const poll = async (events: number) => {
      for (;;) {
        const total = got.reduce((n, u) => n + u.events, 0);
        if (total >= seen + events) break;
        await new Promise<void>((r) => { wake = r; });
      }
      seen += events;
    };
    await engine.followSettings({ intervalMs: 100 });
    await engine.followAdd([folder]);
    await poll(2);
    fs.append('auth.log', times(12, () => fail('root', '203.0.113.45')));
    await poll(12);
    const brute = (await engine.alerts({ ruleIds: ['builtin.bruteforce.ip'] })).alerts;
    expect(brute).toHaveLength(1);
    await engine.setAlertState(brute[0].id, { status: 'acknowledged', note: 'blocked at the edge' });
    fs.append('auth.log', times(4, () => fail('root', '203.0.113.45')) + ok('root', '203.0.113.45') + times(11, (i) => fail(`user${i}`, '198.51.100.77')));
    await poll(16);
    fs.append('auth.log', times(3, (i) => fail(`user${11 + i}`, '198.51.100.77')) + fail('dave', '10.0.0.8'));
    await poll(4);
    await engine.followStop();
    const followed = await engine.alerts();
    expect(new Set(followed.alerts.map((a) => a.ruleId))).toEqual(new Set(['builtin.bruteforce.ip', 'builtin.bruteforce.user', 'builtin.password-spray', 'builtin.success-after-failures']));
    expect(followed.alerts.find((a) => a.id === brute[0].id)).toMatchObject({ count: 16, state: { status: 'acknowledged', note: 'blocked at the edge' } });

    const reopened = createEngine({ followFs: () => fs });
    await reopened.openCase(info.id);
    const full = await reopened.alerts();
    expect(followed.alerts.map(shown).sort()).toEqual(full.alerts.map(shown).sort());
    expect([followed.bySeverity, followed.byStatus, followed.total]).toEqual([full.bySeverity, full.byStatus, full.total]);
  }, 60_000);
});
