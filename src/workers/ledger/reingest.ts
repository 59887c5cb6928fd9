// Changing how one file of the case was read, from the ledger: a new zone or year re-times its stored events
// (no re-read); another parser reads its bytes again (from the File kept this session) in place of the old events.
// Both keep the ledger row's id, so the row stays where it was; the caller rebuilds the query index afterwards.
import type { FileLedgerEntry, ReadOptions } from '../api.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { IngestRunner } from '../ingest/runner.ts';
import { retimeChunk } from '../ingest/retime.ts';
import type { FileSource } from './fileSources.ts';

/** Re-times the file's stored events for a new zone and/or year; returns its updated ledger row. */
export async function retimeFile(store: CaseStore, row: FileLedgerEntry, options: ReadOptions): Promise<FileLedgerEntry> {
  const toTz = options.tzOffsetMinutes ?? row.tzOffsetMinutes;
  const year = options.forcedYear ?? row.forcedYear;
  // a year only applies to events whose year was assumed; unchanged, it is left out (no work)
  const change = { fromTz: row.tzOffsetMinutes, toTz, year: year !== row.forcedYear ? year : undefined };
  let first = Infinity, last = -Infinity;
  await store.forEachFileChunk(row.id, async (chunk) => {
    const r = retimeChunk(chunk, change);
    if (r.firstTs !== undefined && r.firstTs < first) first = r.firstTs;
    if (r.lastTs !== undefined && r.lastTs > last) last = r.lastTs;
    if (r.changed > 0) await store.putChunk(r.chunk);
  });
  const updated: FileLedgerEntry = {
    ...row, tzOffsetMinutes: toTz, forcedYear: year,
    firstTs: first === Infinity ? undefined : first, lastTs: last === -Infinity ? undefined : last,
  };
  await store.putFile(updated);
  return updated;
}

/**
 * Reads the file again with the given parser, zone and year in place of its stored events. The ledger row keeps
 * its id; when the bytes read now hash differently from before (another file was picked), the row says so.
 */
export async function reparseFile(
  store: CaseStore, runIngest: IngestRunner, row: FileLedgerEntry, source: FileSource, options: ReadOptions, signal: AbortSignal,
): Promise<FileLedgerEntry> {
  await store.deleteFile(row.id);
  // the row stays in place (same id) while its events are read again
  const reading: FileLedgerEntry = { ...row, state: 'reading', bytesRead: 0, events: 0, unparsed: 0, meta: 0, issues: [], message: undefined };
  await store.putFile(reading);
  const rows = await runIngest([source.dropped], {
    parserId: options.parserId ?? (row.parserId === '' ? undefined : row.parserId),
    tzOffsetMinutes: options.tzOffsetMinutes ?? row.tzOffsetMinutes,
    timeLayout: options.timeLayout ?? row.timeLayout,
    // no forced year while parsing: events keep their 'year' guess flag, so the year is set (and can be
    // changed again later) by re-timing, below
    onlyPath: source.path,
    // members whose names clean to the same path differ by their position: only this one is read again
    onlyMember: source.original ? row.member : undefined,
    signal,
  }, {
    addFile: async (entry) => {
      await store.putFile({ ...entry, id: row.id });
      return row.id;
    },
    updateFile: (entry) => store.putFile(entry),
    chunk: (chunk) => store.putChunk(chunk),
    // reading one file again in place: no duplicate check (no options.duplicates: it is its own duplicate)
    progress: () => {},
  });
  let after = rows.find((r) => r.id === row.id);
  if (after === undefined) {
    after = {
      ...reading, state: 'failed',
      message: `${source.path} was not found in ${source.dropped.path}: drop the file that holds it and try again.`,
    };
  } else if (row.sha256 !== '' && after.sha256 !== '' && after.sha256 !== row.sha256) {
    const note = `The bytes read now differ from the first ingest (SHA-256 was ${row.sha256}): another file may have been picked.`;
    after = { ...after, message: after.message === undefined ? note : `${after.message}. ${note}` };
  }
  await store.putFile(after);
  const year = options.forcedYear ?? row.forcedYear;
  return year === undefined || after.state === 'failed' ? after : retimeFile(store, after, { forcedYear: year });
}
