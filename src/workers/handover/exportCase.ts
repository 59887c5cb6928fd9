// Writes one case as a hand-over file (format.ts), chunk by chunk: the case is read a few chunks at a time
// and each line goes to the sink as bytes, hashed on the way, so memory holds one chunk's line at a time.
import { Sha256 } from '../../core/hash/sha256.ts';
import type { CaseInfo } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { EventChunk } from '../chunk/chunk.ts';
import { encodeValue } from './codec.ts';
import { HandoverError, headerLine, isMachineLocalSetting, isSecretSetting, type HandoverRecord, type HandoverTrailer } from './format.ts';

export interface ByteSink { write(bytes: Uint8Array): void }

import type { HandoverProgress } from '../api/handover.ts';
export type { HandoverProgress };

/** What of the browser-wide settings the export may read (catalog.ts in the engine; a map in tests). */
export interface GlobalSettings {
  keys(prefix: string): Promise<string[]>;
  get(key: string): Promise<unknown>;
}

const IP_LIKE = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*)$/i;

export interface CaseExportResult { records: number; bytes: number; chunks: number; sha256: string }

export async function exportCase(
  info: Pick<CaseInfo, 'id' | 'name' | 'createdMs'>, store: CaseStore, globals: GlobalSettings, sink: ByteSink,
  onProgress?: (p: HandoverProgress) => void, signal?: AbortSignal,
): Promise<CaseExportResult> {
  const enc = new TextEncoder();
  const hash = new Sha256();
  let records = 0;
  let bytes = 0;
  const put = (line: string): void => {
    const b = enc.encode(line);
    hash.update(b);
    bytes += b.length;
    sink.write(b);
  };
  const record = (r: HandoverRecord): void => {
    put(JSON.stringify(r) + '\n');
    records++;
  };

  put(headerLine());
  record({ t: 'case', id: info.id, name: info.name, createdMs: info.createdMs });
  for (const row of await store.files()) record({ t: 'file', row: encodeValue(row) });
  for (const [key, value] of await store.settingEntries()) {
    if (!isSecretSetting(key) && !isMachineLocalSetting(key)) record({ t: 'setting', key, value: encodeValue(value) });
  }
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const alert of (await store.alerts()).sort(byId)) record({ t: 'alert', alert: encodeValue(alert) });
  for (const state of (await store.alertStates()).sort(byId)) record({ t: 'alertState', state: encodeValue(state) });

  const totalChunks = await store.chunkCount();
  const addresses = new Set<string>();
  let chunks = 0;
  await store.forEachChunk((stored) => {
    if (signal?.aborted === true) throw new HandoverError('The case export was cancelled; no file was saved.');
    // the key is the store's ([fileId, seq]); putChunk adds it again on import
    const { key: _key, ...chunk } = stored as EventChunk & { key?: unknown };
    record({ t: 'chunk', chunk: encodeValue(chunk) });
    for (const col of Object.values(chunk.columns)) {
      if (col.kind === 'dict') for (const v of col.dict) if (IP_LIKE.test(v)) addresses.add(v);
    }
    chunks++;
    onProgress?.({ phase: 'export', chunks, totalChunks, bytes });
  });

  // the enrichment cache is kept for the whole browser: only the answers about this case's addresses go
  for (const key of await globals.keys('ti.cache.')) {
    if (isSecretSetting(key)) continue;
    const list = await globals.get(key);
    if (!Array.isArray(list)) continue;
    const mine = list.filter((r: { ip?: unknown }) => typeof r?.ip === 'string' && addresses.has(r.ip));
    if (mine.length > 0) record({ t: 'cache', key, records: mine.map(encodeValue) });
  }

  const sha256 = hash.hex();
  const trailer: HandoverTrailer = { t: 'end', records, sha256 };
  const last = enc.encode(JSON.stringify(trailer) + '\n');
  sink.write(last);
  bytes += last.length;
  return { records, bytes, chunks, sha256 };
}
