// Turning one Sigma rule on or off re-runs only it and the correlations depending on it (runSigma `only`,
// the ids from `dependents`); merged with the other rules' last results, that must equal a full run.
import { describe, expect, it } from 'vitest';
import { dependents, loadRules, runSigma, type SigmaRun } from '../../src/detect/sigma/index.ts';
import type { Alert } from '../../src/detect/types.ts';
import { memoryTable } from '../harness/memoryTable.ts';
import { secEvents, CHAINED_RULES } from './sigmaHelpers.ts';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const EVENTS = secEvents([
  ...[0, 1, 2, 3].map((m) => ({ ts: T0 + m * MIN, EventID: '4625', TargetUserName: 'alice' })),
  { ts: T0 + 5 * MIN, EventID: '4624', TargetUserName: 'alice' },
  { ts: T0 + 6 * MIN, EventID: '4625', TargetUserName: 'bob' },
  { ts: T0 + 7 * MIN, EventID: '4688', TargetUserName: 'bob', NewProcessName: 'C:\\Windows\\System32\\whoami.exe' },
  { ts: T0 + 8 * MIN, EventID: '4688', TargetUserName: 'bob', NewProcessName: 'C:\\Windows\\System32\\cmd.exe' },
]);

const key = (a: Alert) => `${a.id} ${a.count} ${a.evidence.join(',')}`;

/** The last results with the `only` documents replaced by a partial run's. */
function merge(last: SigmaRun, part: SigmaRun, only: ReadonlySet<string>): { alerts: string[]; coverage: string[] } {
  const fresh = new Map(part.coverage.map((c) => [c.id, c]));
  const alerts = [...last.alerts.filter((a) => !only.has(a.ruleId)), ...part.alerts].map(key).sort();
  const coverage = last.coverage.map((c) => (only.has(c.id) ? fresh.get(c.id) ?? c : c)).map((c) => JSON.stringify(c));
  return { alerts, coverage };
}

describe('re-running only what a rule change touches', () => {
  const set = loadRules([{ path: 'i.yml', text: CHAINED_RULES.join('\n---\n') }]);
  const table = memoryTable(EVENTS);
  const all = runSigma(set, table);

  it('loads, and the full run fires every document', () => {
    expect(set.issues).toEqual([]);
    expect(new Set(all.alerts.map((a) => a.ruleId))).toEqual(new Set(['proc', 'chain']));
  });

  it('dependents: a rule brings the correlations reading it and what they read; a plain rule only itself', () => {
    expect(dependents(set, ['proc'])).toEqual(new Set(['proc']));
    expect(dependents(set, ['failed'])).toEqual(new Set(['failed', 'burst', 'chain', 'ok']));
    expect(dependents(set, ['chain'])).toEqual(new Set(['chain', 'burst', 'failed', 'ok']));
  });

  for (const id of ['failed', 'ok', 'proc', 'burst', 'chain']) {
    it(`turning ${id} off, then on again, gives what a full run gives`, () => {
      const only = dependents(set, [id]);
      const off = new Set([id]);
      const fullOff = runSigma(set, table, { disabled: off });
      const partOff = runSigma(set, table, { disabled: off, only });
      const mergedOff = merge(all, partOff, only);
      expect(mergedOff.alerts).toEqual(fullOff.alerts.map(key).sort());
      expect(mergedOff.coverage).toEqual(fullOff.coverage.map((c) => JSON.stringify(c)));
      const partOn = runSigma(set, table, { only });
      const mergedOn = merge(fullOff, partOn, only);
      expect(mergedOn.alerts).toEqual(all.alerts.map(key).sort());
      expect(mergedOn.coverage).toEqual(all.coverage.map((c) => JSON.stringify(c)));
    });
  }

  it('a partial run evaluates only its documents', () => {
    const part = runSigma(set, table, { only: new Set(['proc']) });
    expect(part.coverage.map((c) => c.id)).toEqual(['proc']);
    expect(part.alerts.map((a) => a.ruleId)).toEqual(['proc']);
    expect([...part.matches.keys()]).toEqual(['proc']);
  });
});
