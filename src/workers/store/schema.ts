// IndexedDB layout (DESIGN "Storage"): one small catalog database listing the cases, and one database per
// case holding its files (the ingest ledger), event chunks, alerts and settings. Schema changes go through
// idb's versioned upgrade: add a step to the upgrade list, never edit a shipped step.
import type { DBSchema } from 'idb';
import type { CaseInfo, FileLedgerEntry } from '../api.ts';
import type { EventChunk } from './chunk.ts';

export const CATALOG_DB = 'logdrop';
export const CATALOG_VERSION = 1;
export const CASE_DB_PREFIX = 'logdrop-case-';
export const CASE_VERSION = 1;

export interface CatalogSchema extends DBSchema {
  cases: { key: string; value: CaseInfo };
}

/** A stored chunk: the EventChunk plus its key. */
export interface StoredChunk extends EventChunk {
  key: [number, number];
}

export interface CaseSchema extends DBSchema {
  /** the ingest ledger, one row per file of the bundle */
  files: { key: number; value: FileLedgerEntry };
  /** event chunks keyed [fileId, seq] so a file's chunks can be read or deleted as a range */
  chunks: { key: [number, number]; value: StoredChunk };
  settings: { key: string; value: unknown };
}
