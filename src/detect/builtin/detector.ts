// The shape of a built-in detector (DESIGN "detect"): a self-describing unit with its parameters,
// remediation and playbook, samples that document and test it, and a run over the columnar EventTable.
import type { Alert, Coverage, EventTable, ParamSpec, ParamValue, Severity } from '../types.ts';
import type { SampleEvent } from '../memoryTable.ts';

export type Params = Record<string, ParamValue>;

export interface DetectorSample {
  title: string;
  events: SampleEvent[];
  params?: Params;
  /** alerts the sample must raise, with their group keys */
  expect: { count: number; groups?: Record<string, string>[] };
}

export interface Detector {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  params: readonly ParamSpec[];
  remediation: string;
  playbook: readonly string[];
  samples: readonly DetectorSample[];
  /** whether the case holds what the detector reads (cheap: dictionary lookups, no row scans) */
  coverage(table: EventTable): Coverage;
  /** params are complete and within range (resolveParams) */
  run(table: EventTable, params: Params): Alert[];
}

/** Defaults overlaid with the given values; numbers clamped to the range, wrong types dropped. */
export function resolveParams(specs: readonly ParamSpec[], given: Params | undefined): Params {
  const out: Params = Object.create(null) as Params;
  for (const s of specs) {
    const v = given?.[s.name];
    if (s.kind === 'number' && typeof v === 'number' && Number.isFinite(v)) {
      out[s.name] = Math.min(s.max ?? Infinity, Math.max(s.min ?? -Infinity, v));
    } else if (s.kind === 'boolean' && typeof v === 'boolean') out[s.name] = v;
    else if (s.kind === 'choice' && typeof v === 'string' && (s.choices ?? []).includes(v)) out[s.name] = v;
    else out[s.name] = s.default;
  }
  return out;
}

export const num = (p: Params, name: string): number => p[name] as number;

export const MINUTE = 60_000;
