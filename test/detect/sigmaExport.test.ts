// The built-in detectors exported as Sigma (src/detect/builtin/sigmaExport.ts): the YAML is valid, our own engine
// re-loads every document without a rejection, the parameters in force go in, and on the demo bundle the
// exported rules raise alerts for the same groups as the detectors they came from.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { detectorsAsSigma } from '../../src/detect/builtin/sigmaExport.ts';
import { loadRules, runSigma, type SigmaRun } from '../../src/detect/sigma/index.ts';
import { runDetectors, type DetectionRun } from '../../src/detect/index.ts';
import { caseTable } from '../../src/workers/query/eventTable.ts';
import { queryEngineFromPaths } from '../../src/cli/ingestPaths.ts';

const DEMO = join(import.meta.dirname, '../../public/demo');
const files = (JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as { files: { path: string }[] }).files.map((f) => join(DEMO, f.path));
const text = detectorsAsSigma();

let sigma: SigmaRun;
let builtin: DetectionRun;
beforeAll(async () => {
  const table = caseTable((await queryEngineFromPaths(files, {})).engine.index);
  sigma = runSigma(loadRules([{ path: 'logdrop-detectors.yml', text }]), table);
  builtin = runDetectors(table);
}, 60_000);

const groupsOf = (alerts: { ruleName: string; group: Record<string, string> }[], title: RegExp) =>
  [...new Set(alerts.filter((a) => title.test(a.ruleName)).map((a) => Object.values(a.group).join(' ')))].sort();

describe('built-in detectors exported as Sigma', () => {
  it('is valid YAML that our engine re-loads in full: 18 rules, 9 correlations, no rejection, unique ids', () => {
    const set = loadRules([{ path: 'logdrop-detectors.yml', text }]);
    expect(set.issues).toEqual([]);
    expect([set.rules.length, set.correlations.length]).toEqual([18, 9]);
    const docs = text.split(/^---$/m).map((d) => load(d) as { id: string });
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    expect(docs.every((d) => /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(d.id))).toBe(true);
    // what Sigma cannot say is named, with why
    expect(text).toMatch(/^# {3}builtin\.failed-logon-spike .*rolling per-account baseline/m);
  });

  it('carries the parameters in force', () => {
    const tuned = detectorsAsSigma({ 'builtin.bruteforce.user': { threshold: 25, windowMinutes: 5 } });
    const set = loadRules([{ path: 'x.yml', text: tuned }]);
    const c = set.correlations.find((x) => x.name === 'logdrop_bruteforce_user')!;
    expect([c.type, c.groupBy, c.timespanMs, c.condition]).toEqual(['event_count', ['user'], 5 * 60_000, [{ op: 'gte', value: 25 }]]);
    // out of range values are clamped as the detector clamps them
    const clamped = loadRules([{ path: 'x.yml', text: detectorsAsSigma({ 'builtin.bruteforce.user': { threshold: -3 } }) }]);
    expect(clamped.correlations.find((x) => x.name === 'logdrop_bruteforce_user')!.condition).toEqual([{ op: 'gte', value: 2 }]);
  });

  it('on the demo: brute force and spraying fire for exactly the detectors\' groups', () => {
    // Sigma windows are fixed spans from a first event, the detectors join bursts into episodes: more alerts, same groups
    for (const t of [/^Brute force against an account$/, /^Brute force from one address$/, /^Password spraying$/]) {
      const s = groupsOf(sigma.alerts, t), b = groupsOf(builtin.alerts, t);
      expect(s.length).toBeGreaterThan(0);
      expect(s).toEqual(b);
    }
  });

  it('on the demo: success after failures fires for every group the detector finds', () => {
    // Sigma places a burst at its last failure and cannot reset the count at a success, so it also fires where
    // failures are followed by a success up to the look-back after the burst (alice, 10.20.5.3): a superset
    const s = groupsOf(sigma.alerts, /^Success after failed logons/), b = groupsOf(builtin.alerts, /^Success after failed logons/);
    expect(s).toEqual(expect.arrayContaining(b));
    expect(s.length).toBeLessThanOrEqual(b.length + 2);
  });

  it('on the demo: account tampering rules fire once for each change the detector reports (sudo by a new account aside)', () => {
    const tamperingRules = sigma.alerts.filter((a) => !/logon|Brute|spraying|Success/i.test(a.ruleName));
    const kinds = builtin.alerts.filter((a) => a.ruleId === 'builtin.account-tampering' && a.group.action !== 'sudo');
    expect(tamperingRules).toHaveLength(kinds.length);
    expect(tamperingRules.map((a) => a.ruleName).sort()).toEqual([
      'Account created', 'Account created (useradd)', 'Account enabled', 'Added to a privileged group (usermod, gpasswd)',
      'Audit log cleared', 'Member added to a security group', 'Scheduled task created', 'Service installed',
    ]);
  });
});
