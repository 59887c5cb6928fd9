// Success after failures re-uses a success's alert when only its threshold moves (successAfterFailures.ts
// `built`): every move on one table must give exactly what a fresh table (nothing re-used) gives, across
// thresholds, look-backs and keys, moved up, down and back.
import { describe, expect, it } from 'vitest';
import { detectorById, runDetector } from '../../src/detect/index.ts';
import { tableOf, type SampleEvent } from '../../src/detect/memoryTable.ts';
import { rng } from '../../scripts/rng.ts';

const T0 = Date.UTC(2026, 2, 3, 2, 0);
const USERS = ['root', 'deploy', 'alice', 'bob'];
const IPS = ['203.0.113.45', '203.0.113.46', '198.51.100.7'];

/** Bursts of failures with successes between them, from a few keys, over a few hours. */
function events(): SampleEvent[] {
  const r = rng(11);
  const out: SampleEvent[] = [];
  let ts = T0;
  for (let i = 0; i < 3000; i++) {
    ts += Math.floor(r() * 40_000);
    out.push({
      ts, type: 'AUTH', action: 'logon', outcome: r() < 0.85 ? 'failure' : 'success', 'obs.host.name': `web0${i % 3}`,
      'target.usr.name': USERS[Math.floor(r() * USERS.length)], 'init.host.ip': IPS[Math.floor(r() * IPS.length)],
    });
  }
  return out;
}

describe('success after failures: parameter moves on one table', () => {
  it('each move equals a run over a fresh table', () => {
    const evs = events();
    const moved = tableOf(evs);
    const d = detectorById('builtin.success-after-failures')!;
    const moves: Record<string, number | string>[] = [
      {}, { minFailures: 6 }, { minFailures: 5 }, { minFailures: 2 }, { minFailures: 9 }, { windowMinutes: 10 },
      { windowMinutes: 10, minFailures: 3 }, { by: 'ip', minFailures: 4 }, { by: 'user' }, { minFailures: 5 }, {},
    ];
    let fired = 0;
    for (const m of moves) {
      const got = runDetector(moved, d, m).alerts;
      const fresh = runDetector(tableOf(evs), d, m).alerts;
      expect(JSON.stringify(got)).toBe(JSON.stringify(fresh));
      fired += got.length;
    }
    expect(fired).toBeGreaterThan(100);
  });
});
