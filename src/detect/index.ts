// The built-in detectors, in the order the UI lists them, and one run of all of them over a table.
import type { Alert, Coverage, DetectorInfo, EventTable, ParamValue } from './types.ts';
import { resolveParams, type Detector } from './builtin/detector.ts';
import { mergeAlerts } from './builtin/alerts.ts';
import { bruteForceUser } from './builtin/bruteForceUser.ts';
import { bruteForceIp } from './builtin/bruteForceIp.ts';
import { passwordSpray } from './builtin/passwordSpray.ts';
import { successAfterFailures } from './builtin/successAfterFailures.ts';
import { failedLogonSpike } from './builtin/failedLogonSpike.ts';
import { newCountry } from './builtin/newCountry.ts';
import { impossibleTravel } from './builtin/impossibleTravel.ts';
import { accountTampering } from './builtin/accountTampering.ts';
import { multiSignal } from './builtin/multiSignal.ts';
import { appendAll } from '../core/appendAll.ts';

export type { Detector } from './builtin/detector.ts';
export { resolveParams } from './builtin/detector.ts';

export const DETECTORS: readonly Detector[] = [
  bruteForceUser, bruteForceIp, passwordSpray, successAfterFailures, failedLogonSpike,
  newCountry, impossibleTravel, accountTampering, multiSignal,
];

export type DetectorParams = Record<string, Record<string, ParamValue>>;

export interface DetectionRun {
  alerts: Alert[];
  detectors: DetectorInfo[];
}

/** One detector over the table with its parameters (defaults overlaid with `given`); nothing when its inputs are absent. */
export function runDetector(table: EventTable, d: Detector, given?: Record<string, ParamValue>): { alerts: Alert[]; info: DetectorInfo } {
  const values = resolveParams(d.params, given);
  const coverage = d.coverage(table);
  const alerts = coverage.state === 'active' ? mergeAlerts(d.run(table, values)) : [];
  alerts.sort(byTime);
  return { alerts, info: detectorInfo(d, values, coverage, alerts.length) };
}

/** What the UI shows of a detector: its description, parameters in force, coverage and alert count. */
export function detectorInfo(d: Detector, values: Record<string, ParamValue>, coverage: Coverage, alerts: number): DetectorInfo {
  return {
    id: d.id, title: d.title, description: d.description, severity: d.severity, params: d.params, values,
    remediation: d.remediation, playbook: d.playbook, coverage, alerts,
  };
}

/** Runs every detector (those whose inputs the case lacks raise nothing and say why in their coverage). */
export function runDetectors(table: EventTable, params: DetectorParams = {}): DetectionRun {
  const alerts: Alert[] = [];
  const detectors: DetectorInfo[] = [];
  for (const d of DETECTORS) {
    const one = runDetector(table, d, params[d.id]);
    appendAll(alerts, one.alerts);
    detectors.push(one.info);
  }
  alerts.sort(byTime);
  return { alerts, detectors };
}

export function byTime(a: Alert, b: Alert): number {
  return (a.ts === a.ts ? a.ts : Infinity) - (b.ts === b.ts ? b.ts : Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function detectorById(id: string): Detector | undefined {
  return DETECTORS.find((d) => d.id === id);
}
