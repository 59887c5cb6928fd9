// The multi-signal detector with threat intelligence through the engine: failed logons, then a logon from a
// country new for the account (the user's GeoIP ranges), and a ti.score from an offline list. The alert
// appears once the list is loaded (score 80) and not with a low score (20).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src/workers/engine.ts';

const line = (min: number, ok: boolean, ip: string) =>
  `Mar  4 ${String(8 + Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}:00 web01 sshd[1]: ${ok ? 'Accepted' : 'Failed'} password for alice from ${ip} port 4242 ssh2`;
const LOG = [
  line(0, true, '81.2.69.10'), line(10, true, '81.2.69.10'), line(20, true, '81.2.69.10'),
  ...[100, 101, 102, 103, 104].map((m) => line(m, false, '5.5.5.5')), line(110, true, '5.5.5.5'),
].join('\n') + '\n';
const RANGES = JSON.stringify([{ network: '81.2.69.0/24', country_code: 'DE' }, { network: '5.5.5.0/24', country_code: 'RU' }]);

async function run(score: number) {
  const engine = createEngine();
  await engine.createCase(`multi ${score}`);
  await engine.ingest([{ path: 'auth.log', file: new File([LOG], 'auth.log', { lastModified: Date.UTC(2026, 0, 1) }) }], {}, () => {});
  await engine.detected(); // detection runs in the background
  expect((await engine.addGeoData(new Blob([RANGES]), 'sites.json', 'case')).ok).toBe(true);
  await engine.detected();
  const before = (await engine.detectors()).find((d) => d.id === 'builtin.multi-signal');
  expect((await engine.addTiList(new Blob([`ip,score\n5.5.5.5,${score}\n`]), 'bad.csv', 'case')).ok).toBe(true);
  await engine.detected(); // the new list's scores: detection runs again in the background
  const after = (await engine.detectors()).find((d) => d.id === 'builtin.multi-signal');
  const alerts = (await engine.alerts()).alerts.filter((a) => a.ruleId === 'builtin.multi-signal');
  return { before, after, alerts };
}

describe('multi-signal correlation with ti.score', () => {
  it('fires with a bad reputation, after the list is loaded', async () => {
    const { before, after, alerts } = await run(80);
    expect(JSON.stringify(before)).toMatch(/failures \+ new country only/);
    expect(JSON.stringify(after)).toMatch(/with ti\.score/);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toMatch(/5\.5\.5\.5: 5 failed logons .* from RU .*threat score 80/);
  });

  it('does not fire with a good reputation', async () => {
    const { alerts } = await run(20);
    expect(alerts).toEqual([]);
  });
});
