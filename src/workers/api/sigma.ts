// EngineApi's Sigma types: the rules loaded into the open case, their coverage, what is enabled, the rule tester.
// Only types.
import type { Severity } from '../../detect/types.ts';

export type SigmaRuleStatus = 'active' | 'inactive' | 'rejected';

/** One line of the coverage report: every document of every loaded file, with why it is not active. */
export interface SigmaCoverageRow {
  /** the rule's id (rejected documents: their id or title when it could be read, else file:line) */
  id: string;
  title: string;
  kind: 'rule' | 'correlation' | 'filter' | 'unknown';
  status: SigmaRuleStatus;
  /** why inactive (no events of its log source, disabled, no mapping) or rejected (the parse error) */
  reason?: string;
  file: string;
  line: number;
  level?: Severity;
  logsource?: string;
  /** matching events (rules) or alerts (correlations) in the last run */
  matches: number;
  /** false when the user turned the rule off (by itself or by its level) */
  enabled: boolean;
}

export interface SigmaStatus {
  /** rule files kept with the case */
  files: number;
  /** YAML documents read in them, rejected ones included */
  documents: number;
  counts: Record<SigmaRuleStatus, number>;
  rows: SigmaCoverageRow[];
  /** levels turned off as a whole */
  disabledLevels: Severity[];
  /** Sigma alerts of the last run */
  alerts: number;
  /** milliseconds of the last Sigma run over the case */
  runMs: number;
}

export interface SigmaLoadResult {
  status: SigmaStatus;
  /** rule files read from what was handed over (a file already loaded under the same path is replaced) */
  added: number;
  /** what was not read, with why */
  skipped: { path: string; reason: string }[];
}

/** Turning rules on or off: by rule id, and by level (a level off turns off every rule of that level). */
export interface SigmaEnableChange {
  rules?: Record<string, boolean>;
  levels?: Partial<Record<Severity, boolean>>;
}

/** One event a tested rule matched, and why: which search identifiers held and the values of the fields read. */
export interface SigmaTestMatch {
  row: number;
  ts: number;
  /** the rule (id) that matched it */
  rule: string;
  message: string;
  /** each search identifier of the rule and whether it held for this event */
  identifiers: { name: string; matched: boolean }[];
  /** the fields the rule tests: Sigma name, the case field it read, and the value */
  fields: { field: string; column?: string; value?: string }[];
}

export interface SigmaTestResult {
  /** parse errors with their position in the pasted text */
  issues: { line: number; column: number; message: string }[];
  /** each document of the pasted text as the coverage report would list it */
  rules: SigmaCoverageRow[];
  /** matching events in the case (plain rules), all rules together */
  total: number;
  /** the first matches, with why */
  matches: SigmaTestMatch[];
  /** alerts the pasted rules would raise (correlations: one per group and window) */
  alerts: { ruleId: string; message: string; count: number }[];
  runMs: number;
}
