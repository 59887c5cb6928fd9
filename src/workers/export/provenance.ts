// Where an export came from, saved beside it as <file>.provenance.json (a header comment would break CSV and
// NDJSON readers): the query, time range, sort, zone and columns, the Logdrop and exporter versions, when, and
// the source files of the exported events with their SHA-256 from the ledger.
import pkg from '../../../package.json' with { type: 'json' };
import type { ExportProvenance, FileLedgerEntry, SortSpec, TimeRange } from '../api.ts';
import type { Exporter, ExportSettings } from './types.ts';

export const LOGDROP_VERSION: string = pkg.version;

export interface ProvenanceInput {
  exporter: Exporter;
  settings: ExportSettings;
  caseName: string;
  query: string;
  range?: TimeRange;
  sort?: SortSpec;
  rows: number;
  /** col.file of the exported rows */
  paths: ReadonlySet<string>;
  ledger: readonly FileLedgerEntry[];
  exportedMs: number;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function provenance(p: ProvenanceInput): ExportProvenance {
  const e = p.exporter;
  return {
    logdrop: { version: LOGDROP_VERSION },
    exporter: { id: e.id, title: e.title, version: e.version },
    case: p.caseName,
    exportedAt: new Date(p.exportedMs).toISOString(),
    query: p.query,
    range: { from: iso(p.range?.from), to: iso(p.range?.to) },
    ...(p.sort !== undefined ? { sort: p.sort } : {}),
    timeZone: p.settings.timeZone,
    ...(e.uses.columns === true ? { columns: [...p.settings.columns] } : {}),
    ...(e.uses.neutralise === true ? { neutralised: p.settings.neutralise } : {}),
    rows: p.rows,
    files: p.ledger.filter((f) => p.paths.has(f.path)).map((f) => ({ path: f.path, sha256: f.sha256, size: f.size })),
  };
}

/** '<case>-<exporter>-20260301T101500Z.<ext>': letters, digits, - and _ only. */
export function exportFileName(caseName: string, exporter: Pick<Exporter, 'id' | 'extension'>, exportedMs: number): string {
  const safe = caseName.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'case';
  const stamp = new Date(exportedMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${safe}-${exporter.id}-${stamp}.${exporter.extension}`;
}
