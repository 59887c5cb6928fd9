// The ledger as JSON: the case, when it was exported, how the hashes were taken, and one record per file.
// Example: { "case": "Case 1", "exported": "2026-…Z", "hash": "SHA-256 of…", "files": [{ "path": "auth.log", … }] }
import type { FileLedgerEntry } from '../api.ts';
import { ledgerRecord, type LedgerRecord } from './ledger-rows.ts';

export interface LedgerDocument {
  case: string;
  exported: string;
  hash: string;
  files: LedgerRecord[];
}

export const HASH_NOTE = 'SHA-256 of each file\'s bytes as read: for an archive member or a gzip, its decompressed bytes';

export function ledgerDocument(caseName: string, files: readonly FileLedgerEntry[], exportedMs: number): LedgerDocument {
  return { case: caseName, exported: new Date(exportedMs).toISOString(), hash: HASH_NOTE, files: files.map(ledgerRecord) };
}

export function ledgerJson(caseName: string, files: readonly FileLedgerEntry[], exportedMs: number): string {
  return JSON.stringify(ledgerDocument(caseName, files, exportedMs), null, 2) + '\n';
}
