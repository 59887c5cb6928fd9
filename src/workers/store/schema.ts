// IndexedDB layout (DESIGN "Storage"): one small catalog database listing the cases, and one database per
// case holding its files (the ingest ledger), event chunks, alerts and settings. Schema changes go through
// idb's versioned upgrade: add a step to the upgrade list, never edit a shipped step.
import type { DBSchema } from 'idb';
import type { CaseInfo, FileLedgerEntry } from '../api.ts';
import type { Alert, AlertState } from '../../detect/types.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import type { DictRun } from './caseDict.ts';
import type { AlertGroup, AlertTombstone } from './alertGroups.ts';

export const CATALOG_DB = 'logdrop';
/** 1: cases. 2: settings (kept for every case of this browser: GeoIP data for all cases). */
export const CATALOG_VERSION = 2;
export const CASE_DB_PREFIX = 'logdrop-case-';
/**
 * 1: files, chunks, settings. 2: chunkMeta (per-chunk counts and bytes, written with each chunk).
 * 3: alerts (the last detection run, keyed by alert id) and alertStates (status and note per alert id, kept
 * across re-runs); detector parameters live in settings under 'detect.params'.
 * 4: chunks are written with packed dictionary columns (chunk/packedDict.ts); chunks written before are read
 * as they are (no conversion). The version keeps an older app, which cannot read packed columns, out.
 * 5: text columns of chunks of format 2 and later are written as Latin-1 bytes (chunk/packedText.ts: a typed
 * array clones ~50x faster than a string); chunks written before keep their strings and are read as they are.
 * 6: the case-wide dictionary (store/caseDict.ts): a `dict` store of each field's values in id order; chunks
 * written by an ingest worker keep their dictionary columns as case ids without values (chunk/caseIds.ts).
 * Chunks written before (and by the paths that build chunks in the engine) keep their own dictionaries.
 * 7: chunks of format 4, whose message and ts.raw columns may hold spans of the row's raw value
 * (chunk/rawSpans.ts); chunks written before are read as they are. The version keeps an older app, which would
 * read a span row as an empty message, out.
 * 8: a big chunk's value may live in a body file outside IndexedDB (OPFS: store/caseBodies.ts); its `chunks` row
 * is then a ChunkRef { key, body } and its chunkMeta row has `body`. Nothing is converted: chunks written before
 * stay in IndexedDB. The version keeps an older app, which cannot read a ChunkRef, out.
 * 9: `alertGroups`: a full detection run's alerts as rows of ALERTS_PER_GROUP (store/alertGroups.ts); partial
 * writes stay single `alerts` rows over them, a removed alert a tombstone. Older `alerts` rows are read as they
 * are (no conversion). The version keeps an older app, which would not see grouped alerts, out.
 * 10: shared chunks (chunk/runs.ts): the rows of several small files in one `chunks` row keyed [first file,
 * -1 - its seq], with one chunkMeta row per file's run (`shared` names the row). Per-file operations unshare
 * first (store/unshare.ts). Nothing is converted. The version keeps an older app, which would count a shared
 * row as its first file's and delete it with that file, out.
 */
export const CASE_VERSION = 10;

export interface CatalogSchema extends DBSchema {
  cases: { key: string; value: CaseInfo };
  settings: { key: string; value: unknown };
}

/** A stored chunk: the chunk (dictionary columns packed since version 4, text columns since 5) plus its key. */
export interface StoredChunk extends WireChunk {
  key: [number, number];
}

/** Since 8: the `chunks` row of a chunk whose value is the body file `body` (store/caseBodies.ts). */
export interface ChunkRef {
  key: [number, number];
  body: string;
}

export interface CaseSchema extends DBSchema {
  /** the ingest ledger, one row per file of the bundle */
  files: { key: number; value: FileLedgerEntry };
  /** event chunks keyed [fileId, seq] so a file's chunks can be read or deleted as a range */
  chunks: { key: [number, number]; value: StoredChunk | ChunkRef };
  /** one small row per chunk, written in the chunk's transaction: what is stored, without reading the chunks */
  chunkMeta: { key: [number, number]; value: ChunkMeta };
  settings: { key: string; value: unknown };
  /** the case-wide dictionary since 6: runs of each field's values keyed [field, first id] (caseDict.ts) */
  dict: { key: [string, number]; value: DictRun };
  /** the alerts of the last detection run (derived: rewritten by every run); since 10 only partial writes' alerts and tombstones */
  alerts: { key: string; value: Alert | AlertTombstone };
  /** since 9: a full run's alerts, ALERTS_PER_GROUP to a row, keyed 0.. (store/alertGroups.ts) */
  alertGroups: { key: number; value: AlertGroup };
  /** what the user set on an alert; survives re-runs because alert ids are deterministic */
  alertStates: { key: string; value: AlertState };
}

export interface ChunkMeta {
  fileId: number;
  seq: number;
  count: number;
  /** events of the chunk that are unparsed records (parser.name = unparsed) */
  unparsed: number;
  /** estimated bytes on disk (typed arrays, strings at 2 bytes a character) */
  bytes: number;
  /** since 8: the chunk's body file (its `chunks` row is a ChunkRef naming the same) */
  body?: string;
  /**
   * since 10: these rows are a run of the shared chunk stored under this key (chunk/runs.ts); this meta row's
   * own key [fileId, seq] has no `chunks` row until the file is unshared (store/unshare.ts)
   */
  shared?: [number, number];
}
