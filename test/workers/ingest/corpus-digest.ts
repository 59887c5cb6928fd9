// Test helper (corpus-digest.test.ts): SHA-256 digests over what the whole corpus becomes through the real ingest
// path and the query engine: every event (fields sorted by name, with their types), the ledger rows, and the
// results of a few queries (counts, first page in time order, facets). Pinned before the ingest was made faster
// so any change in output fails. Sigma rules, licences and truth files are not logs and are left out.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EventFields } from '../../../src/core/schema.ts';
import { eventAt } from '../../../src/workers/chunk/chunk.ts';
import { unpackChunk, type WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { ingestBundle, type BundleIngestOptions } from '../../../src/workers/ingest/ingestBundle.ts';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';
import { DictSession } from '../../../src/workers/query/dictSession.ts';
import { corpusPath, listCorpus } from '../../harness/corpus.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { REFERENCE_MS } from '../../harness/parsers.ts';

const NOT_LOGS = /(^|\/)(LICENSE[^/]*|PROVENANCE\.md|README\.md|[^/]*_truth\.json)$/;

/** every log file of the corpus, relative and sorted (sigma folders hold rules, not logs) */
export function corpusLogFiles(): string[] {
  return listCorpus('.', (rel) => !rel.startsWith('sigma') && !NOT_LOGS.test(rel));
}

function fieldsLine(f: EventFields): string {
  let s = '';
  for (const k of Object.keys(f).sort()) s += `${JSON.stringify(k)}:${typeof f[k]}:${JSON.stringify(f[k])}\u0001`;
  return s;
}

/** JSON with object keys sorted, so the digest pins values and not the order fields were set in */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : x));
}

const QUERIES = ['', 'failed', 'event.action:*', 'src.ip:10.0.0.0/8', 'level:error OR level:warning'];
const FACET_FIELDS = ['host', 'parser.name', 'event.action', 'user', 'src.ip'];

export interface CorpusDigest { files: number; events: number; eventsSha: string; ledgerSha: string; queriesSha: string }

/**
 * `built`: how the chunks are built (default: strings, as the CLI builds them). The ingest worker's form is
 * textAsBytes + textSpans (read back through unpackChunk) and caseIds: dictionary columns in case ids
 * (chunk/caseIds.ts), resolved by the index (query/dictSession.ts); events are then read back from the index (a
 * chunk of case ids has no values).
 */
export async function corpusDigest(built: Pick<BundleIngestOptions, 'textAsBytes' | 'textSpans'> & { caseIds?: boolean } = {}): Promise<CorpusDigest> {
  const files = corpusLogFiles();
  const engine = createQueryEngine(undefined, { now: () => REFERENCE_MS });
  const ev = createHash('sha256');
  let events = 0, id = 1;
  // a fixed mtime: year-less timestamps are inferred from it, and checkouts differ
  const sources = files.map((rel) => sourceFromBytes(rel, new Uint8Array(readFileSync(corpusPath(rel))), REFERENCE_MS));
  const { caseIds, ...form } = built;
  const session = caseIds === true ? new DictSession(engine.index) : undefined;
  const ledger = await ingestBundle(sources, { tzOffsetMinutes: 0, caseDict: session?.snapshot, ...form }, {
    addFile: async () => id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (wire: WireChunk) => {
      if (session !== undefined) {
        const base = engine.index.rowCount;
        engine.addChunk(session.resolve(wire, engine.index));
        for (let row = base; row < engine.index.rowCount; row++) ev.update(fieldsLine(engine.index.event(row)));
        events += wire.count;
        return;
      }
      const chunk = unpackChunk(wire);
      for (let row = 0; row < chunk.count; row++) ev.update(fieldsLine(eventAt(chunk, row)));
      events += chunk.count;
      engine.addChunk(wire);
    },
  });
  const q = createHash('sha256');
  for (const text of QUERIES) {
    const r = engine.query(text);
    if (!r.ok) {
      q.update(stable(r));
      continue;
    }
    const { id: handle, tookMs: _took, ...rest } = r.handle;
    q.update(stable(rest));
    q.update(stable(engine.page(handle, 0, 50, { field: 'ts', dir: 'asc' })));
    q.update(stable(engine.facets(handle, FACET_FIELDS, 10)));
  }
  return {
    files: files.length,
    events,
    eventsSha: ev.digest('hex'),
    ledgerSha: createHash('sha256').update(stable(ledger)).digest('hex'),
    queriesSha: q.digest('hex'),
  };
}
