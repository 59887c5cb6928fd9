// The contract of src/detect (DESIGN "detect"): detectors and Sigma rules read the open case through a
// read-only columnar view (the engine's CaseIndex provides one) and return alerts. detect imports core only:
// it never sees the engine, the store or the parsers, so the CLI, the tests and the worker all run it alike.

/** One column of the case, as the query engine holds it. Row ids are the engine's (0 .. rowCount-1). */
export type ColumnView =
  /** keyword field: values[id - 1] is the text of dictionary id `id`; id 0 = the event lacks the field */
  | { kind: 'dict'; values: readonly string[]; ids: ArrayLike<number> }
  /** numeric field (ts, ports, line numbers): NaN = the event lacks the field */
  | { kind: 'num'; values: ArrayLike<number> }
  /**
   * long free text (raw, message): read one row at a time; `runs` (optional) gives the rows' text in place,
   * so a pass over many rows (Sigma keywords) reads it without a string per row
   */
  | { kind: 'text'; valueOf(row: number): string | undefined; runs?(): readonly TextRun[] };

/**
 * Consecutive rows of a text column held as one joined string (the engine's chunks), ascending by `base`: row
 * `base + i` holds text[starts?.[i] ?? ends[i - 1] ?? 0, ends[i]). An empty span is no value, unless
 * `elsewhere(i)` says the value is kept apart (then read it with valueOf).
 */
export interface TextRun {
  base: number;
  count: number;
  text: string;
  ends: ArrayLike<number>;
  /** where each row starts, when rows are not back to back (values that are pieces of another text: raw) */
  starts?: ArrayLike<number>;
  elsewhere?(local: number): boolean;
}

/** A read-only view of every event of the case. */
export interface EventTable {
  readonly rowCount: number;
  /** field names present in the case (normalized fields and data.*) */
  fieldNames(): string[];
  column(field: string): ColumnView | undefined;
  /** epoch ms of a row, NaN when the event has no time */
  tsOf(row: number): number;
  /** every row id, oldest first (rows without a time last) */
  timeOrder(): Uint32Array;
}

export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['informational', 'low', 'medium', 'high', 'critical'];

export type ParamValue = number | string | boolean;

/** An alert: one per matching event for a plain Sigma rule, one per group and window for a correlation or a detector. */
export interface Alert {
  /** deterministic: rule id + group key + window start, so a re-run keeps status and notes */
  id: string;
  /** the Sigma rule id or the built-in detector id */
  ruleId: string;
  ruleName: string;
  source: 'builtin' | 'sigma';
  severity: Severity;
  /** first and last evidence time (epoch ms) */
  ts: number;
  lastTs: number;
  /** the group key fields and their values (e.g. { 'init.host.ip': '203.0.113.45' }) */
  group: Record<string, string>;
  /** matching events, merged duplicates included */
  count: number;
  /** row ids of the evidence, oldest first (capped: count says how many there are) */
  evidence: number[];
  /** one line in plain words: what happened, to whom, from where */
  message: string;
  /** the parameters in force when it fired (detectors) */
  params?: Record<string, ParamValue>;
  /** the window the rule looked at (epoch ms, end exclusive): correlations and detectors */
  window?: { start: number; end: number };
  /** the observing host of the evidence (obs.host.name), for grouping by host; several joined by ', ' */
  host?: string;
  /** a Logdrop search query (with ts bounds) that selects the evidence events, for "jump to evidence" */
  evidenceQuery?: string;
}

/** One tunable parameter of a detector, with its default and range (the UI renders a control from it). */
export interface ParamSpec {
  name: string;
  label: string;
  kind: 'number' | 'boolean' | 'choice';
  default: ParamValue;
  min?: number;
  max?: number;
  step?: number;
  /** unit shown next to a number ('events', 'minutes', 'SD', 'km/h') */
  unit?: string;
  choices?: readonly string[];
  description: string;
}

/**
 * Whether a detector can see anything in this case: active (its inputs exist), inactive (no event of the kind
 * it reads), waiting (it needs an enrichment that has not run, e.g. GeoIP).
 */
export interface Coverage {
  state: 'active' | 'inactive' | 'waiting';
  reason: string;
}

/** A built-in detector as the UI and the CLI see it: its description, parameters in force and coverage. */
export interface DetectorInfo {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  params: readonly ParamSpec[];
  values: Record<string, ParamValue>;
  remediation: string;
  playbook: readonly string[];
  coverage: Coverage;
  /** alerts of the last run */
  alerts: number;
}

/** What a user keeps on an alert across re-runs (keyed by Alert.id, stored in the case). */
export interface AlertState {
  id: string;
  status: 'new' | 'acknowledged' | 'closed';
  note: string;
  /** who took it (a name as the user typed it; absent or '' = nobody): tickets and the hand-over carry it */
  owner?: string;
}
