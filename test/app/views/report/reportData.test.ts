// The executive report's own aggregation: alerts per hour (empty hours kept for the chart's axis) and next
// steps from the playbooks of the detectors that fired, most severe first.
import { describe, expect, it } from 'vitest';
import { alertsByHour, nextSteps } from '../../../../src/app/views/report/reportData.ts';
import type { AlertItem, DetectorInfo, Severity } from '../../../../src/workers/api.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 8);
const alert = (ruleId: string, severity: Severity, ts: number): AlertItem => ({
  id: `${ruleId}-${ts}`, ruleId, ruleName: ruleId, source: 'builtin', severity, ts, lastTs: ts, group: {}, count: 1, evidence: [], message: '',
  state: { id: `${ruleId}-${ts}`, status: 'new', note: '' },
});
const detector = (id: string, severity: Severity): DetectorInfo => ({
  id, title: id.toUpperCase(), description: '', severity, params: [], values: {}, remediation: `fix ${id}`, playbook: [`step of ${id}`],
  coverage: { state: 'active', reason: '' }, alerts: 0,
});

describe('report data', () => {
  it('counts alerts per hour by severity, keeping the empty hours between', () => {
    const rows = alertsByHour([alert('a', 'high', T0 + 60_000), alert('b', 'low', T0 + 59 * 60_000), alert('a', 'high', T0 + 3 * H + 5)]);
    expect(rows).toEqual([
      { start: T0, count: 2, split: { high: 1, low: 1 } },
      { start: T0 + H, count: 0, split: {} },
      { start: T0 + 2 * H, count: 0, split: {} },
      { start: T0 + 3 * H, count: 1, split: { high: 1 } },
    ]);
    expect(alertsByHour([])).toEqual([]);
  });

  it('next steps come from the detectors that fired, most severe first', () => {
    const steps = nextSteps([alert('spray', 'medium', T0), alert('brute', 'high', T0), alert('brute', 'high', T0 + 1)],
      [detector('spray', 'medium'), detector('brute', 'high'), detector('quiet', 'critical')]);
    expect(steps).toEqual([
      { title: 'BRUTE', remediation: 'fix brute', playbook: ['step of brute'], alerts: 2 },
      { title: 'SPRAY', remediation: 'fix spray', playbook: ['step of spray'], alerts: 1 },
    ]);
  });
});
