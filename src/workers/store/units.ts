// Each dropped file is one unit of an ingest: an archive's members are read in one pass, so when the tab is
// closed or reloaded mid-archive, the unit — not only the member being read — is what was interrupted.
// A unit is recorded (settings 'ingest-units') when its reading starts and dropped when it ends. On the next
// open, a unit still 'reading' gets a ledger row of its own saying how many of its files are stored whole,
// which are not, and how many were never reached, so nothing is silently left out. Dropping the same file
// again then resumes (complete members are skipped) or replaces it (engine, duplicates.ts).
// Example: big.zip, 2,000 entries, reload after 741 -> row "big.zip: interrupted: 741 files stored whole,
// 1 incomplete, about 1,258 never read".
import type { FileLedgerEntry } from '../api.ts';
import type { CaseStore } from './caseStore.ts';

export interface IngestUnit {
  path: string;
  size: number;
  lastModified: number;
  state: 'reading' | 'interrupted';
  /** entries the archive's table of contents lists (zip), when it could be read up front */
  entries?: number;
  /** the ledger row that stands for the interrupted unit */
  rowId?: number;
}

const KEY = 'ingest-units';
const WHOLE = new Set<FileLedgerEntry['state']>(['done', 'damaged', 'skipped']);

export async function loadUnits(store: CaseStore): Promise<IngestUnit[]> {
  return (await store.getSetting<IngestUnit[]>(KEY)) ?? [];
}

async function saveUnits(store: CaseStore, units: IngestUnit[]): Promise<void> {
  await store.setSetting(KEY, units);
}

/** Records units as being read (replacing any earlier record of the same paths). */
export async function startUnits(store: CaseStore, started: Omit<IngestUnit, 'state'>[]): Promise<void> {
  const paths = new Set(started.map((u) => u.path));
  const units = (await loadUnits(store)).filter((u) => !paths.has(u.path));
  await saveUnits(store, [...units, ...started.map((u) => ({ ...u, state: 'reading' as const }))]);
}

/** The units read to their end: forgotten. */
export async function finishUnits(store: CaseStore, paths: readonly string[]): Promise<void> {
  const done = new Set(paths);
  await saveUnits(store, (await loadUnits(store)).filter((u) => !done.has(u.path)));
}

/** An interrupted unit the dropped file is (same path, size and date), if any. */
export async function interruptedUnit(store: CaseStore, file: { path: string; size: number; lastModified: number }): Promise<IngestUnit | undefined> {
  return (await loadUnits(store)).find((u) => u.state === 'interrupted' && u.path === file.path && u.size === file.size && u.lastModified === file.lastModified);
}

/** The ledger rows of a unit: its own file, or the members below it (the unit's own row excluded). */
export function rowsOf(unit: IngestUnit, files: readonly FileLedgerEntry[]): FileLedgerEntry[] {
  return files.filter((f) => f.id !== unit.rowId && (f.path === unit.path || f.path.startsWith(`${unit.path}/`)));
}

export function completeRows(unit: IngestUnit, files: readonly FileLedgerEntry[]): FileLedgerEntry[] {
  return rowsOf(unit, files).filter((f) => WHOLE.has(f.state));
}

/**
 * Units left 'reading' (the tab went away, or the ingest was cancelled): each archive gets a ledger row saying
 * what of it is stored and what is not. Call after the rows themselves were repaired. Returns the units changed.
 */
export async function interruptUnits(store: CaseStore, why: string): Promise<number> {
  const units = await loadUnits(store);
  const open = units.filter((u) => u.state === 'reading');
  if (open.length === 0) return 0;
  const files = await store.files();
  const plain = new Set<IngestUnit>();
  for (const u of open) {
    u.state = 'interrupted';
    const rows = rowsOf(u, files);
    // a plain file is its own row: its 'incomplete' state says it all, and opening it again replaces that row
    if (rows.length === 1 && rows[0].path === u.path) {
      plain.add(u);
      continue;
    }
    const whole = rows.filter((f) => WHOLE.has(f.state)).length;
    const partial = rows.length - whole;
    const never = u.entries !== undefined ? Math.max(0, u.entries - rows.length) : undefined;
    const n = (x: number) => x.toLocaleString('en-US');
    const message = `${why}: ${n(whole)} of its files are stored whole, ${n(partial)} ${partial === 1 ? 'is' : 'are'} incomplete, `
      + (never !== undefined ? `about ${n(never)} of its ${n(u.entries ?? 0)} entries were never read. ` : 'the entries after them were never read. ')
      + `Open ${u.path} again to resume (files stored whole are skipped) or to replace it.`;
    const row: Omit<FileLedgerEntry, 'id'> = {
      path: u.path, size: u.size, sha256: '', parserId: '', confidence: 0, state: 'incomplete', bytesRead: 0,
      events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [], message,
    };
    u.rowId = await store.addFile(row);
  }
  await saveUnits(store, units.filter((u) => !plain.has(u)));
  return open.length;
}

/** Forgets an interrupted unit and removes its row (it is being resumed or replaced). */
export async function dropUnit(store: CaseStore, unit: IngestUnit): Promise<void> {
  if (unit.rowId !== undefined) await store.deleteFile(unit.rowId);
  await saveUnits(store, (await loadUnits(store)).filter((u) => u.path !== unit.path));
}
