// The case's query index rebuilt from its stored chunks: on open, and after a file is removed or re-read.
import type { CaseStore } from '../store/caseStore.ts';
import type { StoredChunk } from '../store/schema.ts';
import { createQueryEngine, type QueryEngine } from './engine.ts';
import type { Derivation } from './derived.ts';

/**
 * `enrichment` (opening: the GeoIP tables and the case's GeoIP / threat-intel data) loads while the first chunks
 * are read and held; they are indexed once it is in, so the GeoIP loc and ti fields (never stored) are derived
 * as the chunks arrive, in the same order as during the ingest.
 */
export async function loadCaseIndex(store: CaseStore, derivations: () => readonly Derivation[], enrichment?: Promise<unknown>): Promise<QueryEngine> {
  const query = createQueryEngine();
  // the case's size is known from the meta rows: the index's columns are allocated once, not regrown
  const [rows, point] = await Promise.all([store.storedEvents(), store.dictionaryPoint()]);
  query.index.reserve(rows);
  // stored case ids (chunk/caseIds.ts) are the stored dictionary's: its values are taken as they are. Chunks
  // are read up to the last one stored with it: another tab writing the case meanwhile adds chunks (and values)
  // after it, which this tab reads when that tab is done (it reloads the case then)
  query.index.adoptDictionary(point.values);
  // chunks written from now on use this index's ids, and its new values are stored with them
  store.dictionary = query.index;
  const readAll = (onChunk: (chunk: StoredChunk) => void): Promise<void> =>
    (point.last === undefined ? Promise.resolve() : store.forEachStoredChunk(onChunk, 8, point.last));
  if (enrichment === undefined) {
    query.index.setDerivations(derivations());
    await readAll((chunk) => query.addChunk(chunk));
    return query;
  }
  let held: StoredChunk[] | undefined = [];
  const read = readAll((chunk) => (held !== undefined ? void held.push(chunk) : query.addChunk(chunk)));
  read.catch(() => undefined); // a failed read is thrown below, after the enrichment wait
  await enrichment;
  query.index.setDerivations(derivations());
  for (const chunk of held) query.addChunk(chunk);
  held = undefined;
  await read;
  return query;
}
