// Live follow (issue 16): the part of EngineApi that follows folders and files the user granted through the
// File System Access API. The engine polls them, reads only appended bytes, stores, indexes and detects as
// for a dropped file, and pushes a LiveUpdate per poll that changed something.
import type { Severity } from '../../detect/types.ts';
import type { CaseInfo } from '../api.ts';

export type FollowSourceKind = 'folder' | 'file';

/** A granted handle kept with the case (IndexedDB stores FileSystemHandles). */
export interface FollowSource {
  id: string;
  kind: FollowSourceKind;
  name: string;
  handle: FileSystemDirectoryHandle | FileSystemFileHandle;
}

/** One followed file as the live panel shows it. */
export interface FollowFileInfo {
  path: string;
  fileId: number;
  lines: number;
  bytes: number;
  /** following, or why not any more (deleted, replaced, truncated, skipped, binary) */
  state: string;
  /** bytes after the last newline, not read until their line ends */
  partialBytes: number;
}

export interface FollowStatus {
  /** polling now */
  active: boolean;
  intervalMs: number;
  sources: FollowSource[];
  files: FollowFileInfo[];
  /** sources kept with the case whose permission must be granted again (after a reload): one click resumes */
  needsPermission: boolean;
  /** a source could not be read (no permission, gone): in words */
  problem?: string;
  /** browser notifications for alerts at or above this severity (absent: off) */
  notifyAt?: Severity;
}

/** An alert that appeared or grew in a poll (its id opens it in the Alerts view). */
export interface LiveAlert {
  id: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  count: number;
  message: string;
  change: 'new' | 'updated';
}

/** What one poll brought; pushed through EngineApi.watchLive. */
export interface LiveUpdate {
  events: number;
  unparsed: number;
  /** files that appeared, rotated, were truncated, renamed or deleted, in words */
  changes: { kind: string; path: string; detail: string }[];
  alerts: LiveAlert[];
  /** alerts to show as browser notifications: at or above notifyAt, at most one per rule per minute */
  notify: { alert: LiveAlert; suppressed: number }[];
  info: CaseInfo;
  /** when the poll finished (epoch ms) */
  at: number;
}

/** Webhook bodies: Slack's incoming-webhook JSON ({ text }) or a generic JSON object. */
export type WebhookFormat = 'slack' | 'json';

/** Switching webhooks on (url absent: the one already held in memory or remembered). */
export interface WebhookSettings {
  url?: string;
  format: WebhookFormat;
  /** alerts at or above this severity are posted (at most one per rule per minute, with a count) */
  minSeverity: Severity;
  /** keep the URL on this device (catalog, never in a case or an export); otherwise memory only */
  remember: boolean;
}

/** The webhook as the live panel shows it: never the URL itself (its path is often the secret). */
export interface WebhookStatus {
  /** false in the single-file build (a page opened from disk can be given no per-origin policy) */
  available: boolean;
  on: boolean;
  /** the origin posts go to (the only one the poster's CSP allows) */
  origin?: string;
  hasUrl: boolean;
  remembered: boolean;
  format: WebhookFormat;
  minSeverity: Severity;
  posted: number;
  failed: number;
  /** the last post, or why webhooks cannot be switched on, in words */
  last?: string;
  problem?: string;
}
