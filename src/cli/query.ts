// `logdrop query 'QUERY' FILE...`: the files go through the browser's ingest into the browser's query
// engine; the matching events come out as NDJSON sorted by time (canonical key order, like normalize),
// or with --facet the value counts of fields. A query error prints the message with a caret under
// its position and exits 2.
// Example: logdrop query 'init.host.ip:183.62.140.253 and "failed password"' OpenSSH_2k.log --facet init.usr.name
import type { Writable } from 'node:stream';
import { canonicalOrder } from '../core/schema.ts';
import type { Facet, FileLedgerEntry, IngestOptions, QueryError } from '../workers/api.ts';
import type { QueryEngine } from '../workers/query/engine.ts';
import { queryEngineFromPaths } from './ingestPaths.ts';
import type { GeoService } from '../workers/enrich/geoService.ts';
import { summaryLine, write } from './normalize.ts';
import { caretLines, facetValue, jsonLine, terminalText } from './terminal.ts';

export interface QueryCommandOptions extends IngestOptions {
  /** fields to count instead of printing events */
  facets?: string[];
  /** events printed, or values per facet */
  limit?: number;
  /** what `now` means in the query (tests pin it) */
  now?: () => number;
  /** GeoIP: <role>.host.loc.* queryable and facetable as in the app */
  geo?: GeoService;
}

/** Values per facet when --limit is not given (the header line says how many distinct values there are). */
export const DEFAULT_FACET_VALUES = 20;
const PAGE = 5000;

export interface QueryRun { code: number; ledger: FileLedgerEntry[]; total: number }

export async function query(paths: string[], text: string, options: QueryCommandOptions, out: Writable, err: Writable): Promise<QueryRun> {
  const { facets = [], limit, now, geo, ...ingest } = options;
  const { engine, ledger } = await queryEngineFromPaths(paths, ingest, now, geo?.derivations());
  for (const f of ledger) err.write(summaryLine(f) + '\n');
  const r = engine.query(text);
  if (!r.ok) {
    err.write(formatQueryError(text, r.error, 'query error') + '\n');
    return { code: 2, ledger, total: 0 };
  }
  for (const w of r.handle.warnings ?? []) err.write(formatQueryError(text, w, 'warning') + '\n');
  const { id, total } = r.handle;
  if (facets.length > 0) {
    for (const f of engine.facets(id, facets, limit ?? DEFAULT_FACET_VALUES)) await write(out, formatFacet(f));
  } else {
    await printEvents(engine, id, Math.min(total, limit ?? Infinity), out);
  }
  return { code: 0, ledger, total };
}

async function printEvents(engine: QueryEngine, handle: number, count: number, out: Writable): Promise<void> {
  for (let offset = 0; offset < count; offset += PAGE) {
    let text = '';
    // no sort given: the engine pages in time order (events without a time last)
    for (const row of engine.page(handle, offset, Math.min(PAGE, count - offset))) text += jsonLine(canonicalOrder(row.fields)) + '\n';
    await write(out, text);
  }
}

/** A header per field (distinct values, events without it), then "count TAB value" lines, most frequent first. */
export function formatFacet(f: Facet): string {
  let text = `# ${terminalText(f.field)}\tdistinct=${f.distinct}\tmissing=${f.missing}\n`;
  // a value holding a tab, a line break or another invisible character is printed as a JSON string
  for (const v of f.values) text += `${v.count}\t${facetValue(v.value)}\n`;
  return text;
}

/** The message, then the query (or the part around the position) on one line with a caret under it. */
export function formatQueryError(text: string, e: QueryError, label: string): string {
  return `${label}: ${terminalText(e.message)}\n${caretLines(text, e.position)}`;
}
