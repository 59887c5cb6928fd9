// The parsed form of Sigma documents (pySigma's object model, reduced to what Logdrop evaluates).
// Parse (parse.ts) builds these from YAML; compile.ts turns them into row predicates over an EventTable.
import type { Severity } from '../types.ts';
import type { CompiledItem } from './modifiers.ts';

/** Where something is in a rule file: 1-based line and column (0 when unknown). */
export interface SourcePos { file: string; line: number; column: number }

/** A reason a document could not be used, collected (never thrown) like pySigma's collect_errors. */
export interface SigmaIssue extends SourcePos {
  message: string;
  /** the rule's id or title when known */
  rule?: string;
}

export interface LogSource { product?: string; category?: string; service?: string }

/** One value test, compiled at load (modifiers.ts), with its YAML path for error positions. */
export interface DetectionItem extends CompiledItem {
  path: (string | number)[];
}

/** A search identifier: a map is AND of its items, a list is OR of its entries. */
export interface Detection {
  op: 'and' | 'or';
  items: (DetectionItem | Detection)[];
}

export type CondNode =
  | { t: 'id'; name: string }
  | { t: 'and' | 'or'; a: CondNode; b: CondNode }
  | { t: 'not'; a: CondNode }
  /** `1 of x*` / `all of x*` / `any of them`: resolved to names at parse time */
  | { t: 'of'; all: boolean; names: string[] };

interface DocBase {
  file: string;
  /** 0-based index of the document in its file */
  doc: number;
  /** line of the document's first line */
  line: number;
  id: string;
  name?: string;
  title: string;
  level: Severity;
  description: string;
  tags: string[];
}

export interface SigmaRule extends DocBase {
  kind: 'rule';
  logsource: LogSource;
  detections: Map<string, Detection>;
  /** condition list, OR-ed */
  condition: CondNode[];
  /** condition text(s) as written, for explanations */
  conditionText: string[];
}

export type CorrelationType =
  | 'event_count' | 'value_count' | 'temporal' | 'temporal_ordered' | 'value_sum' | 'value_avg' | 'value_percentile';

export type CompareOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq';

export interface SigmaCorrelation extends DocBase {
  kind: 'correlation';
  type: CorrelationType;
  /** referenced rules by id or name */
  rules: string[];
  groupBy: string[];
  /** alias -> rule name/id -> field */
  aliases: Map<string, Map<string, string>>;
  timespanMs: number;
  /** the condition criteria, AND-ed; empty for temporal types (all rules must occur) */
  condition: { op: CompareOp; value: number }[];
  field?: string;
  /** referenced rules also alert on their own */
  generate: boolean;
}

export interface SigmaFilter extends DocBase {
  kind: 'filter';
  logsource: LogSource;
  /** rule ids/names, or 'any' */
  rules: string[] | 'any';
  detections: Map<string, Detection>;
  condition: CondNode;
}

export type SigmaDocument = SigmaRule | SigmaCorrelation | SigmaFilter;
