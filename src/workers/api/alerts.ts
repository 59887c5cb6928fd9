// EngineApi's alert types (the list, its filter, an alert with the user's state). Only types.
import type { Alert, AlertState, Severity } from '../../detect/types.ts';
import type { EntityKind } from './insight.ts';

export type AlertStatus = AlertState['status'];

/** Which alerts to list; every part optional (absent = all). */
export interface AlertFilter {
  severities?: Severity[];
  statuses?: AlertStatus[];
  ruleIds?: string[];
  /** obs.host.name of the evidence (Alert.host contains it) */
  host?: string;
  /** case-insensitive substring of the message, rule name or group values */
  text?: string;
  /** alerts naming this IP, account or host (a group value of that kind, or the alert's host) */
  entity?: { kind: EntityKind; value: string };
  /**
   * at most this many alerts in the list (the earliest); the counts still cover every alert the filter
   * matches. The tab badge asks for 0: 30,000 alerts cloned to the page only to be counted took 1.4 s.
   */
  limit?: number;
  /**
   * at most `limit` alerts of each group (the earliest), groups as the alerts view draws them: by rule id,
   * severity or host ('no host' when none). `AlertList.groups` then counts every group. The view draws 100 per
   * group: the whole list of a 1M-event case (tens of thousands of alerts) cloned to the page on every
   * parameter move was most of the move's time.
   */
  perGroup?: { by: AlertGroupBy; limit: number };
}

export type AlertGroupBy = 'rule' | 'severity' | 'host';

/** An alert with what the user set on it (status 'new' and an empty note when nothing was set). */
export interface AlertItem extends Alert {
  state: AlertState;
}

export interface AlertList {
  alerts: AlertItem[];
  /** counts over the filtered alerts */
  bySeverity: Record<Severity, number>;
  byStatus: Record<AlertStatus, number>;
  /** alerts in the case before filtering */
  total: number;
  /** with `perGroup`: every group's key and alert count (after the filter), in the order of its earliest alert */
  groups?: { key: string; count: number }[];
  /** milliseconds of the last detection run */
  runMs: number;
  /** a detection run is under way in the background: these are the previous run's alerts (EngineApi.detected) */
  running?: boolean;
  /** the alerts are the stored result of a run over the same data, rules and parameters: nothing ran on open */
  reused?: boolean;
  /** the last run failed (the previous alerts are shown) */
  error?: string;
}
