// Which keyword fields the ingest worker keeps case-wide (issue 15). A field kept case-wide holds every value it
// has seen in a Map for the whole ingest (caseIds.ts CaseField): right for host, app, user, action (a few hundred
// values, looked up once each), wrong for a field whose values are mostly distinct (pids, addresses, keys,
// timestamps kept as keywords): 10M auth.log lines left 2.5M source addresses and 1.1 GB in the ingest worker.
// Such a field turns "chunk-local" at the end of a chunk: from the next chunk on its columns carry their own
// dictionary, as before case ids (with the builder's per-chunk "mostly distinct" mode), and the engine interns
// them into the case's dictionary and stores them as case ids (query/dictSession.ts): answers, exports and the
// stored form are what they were, and the worker holds at most the budgets below plus one chunk's values.
// A field turns chunk-local when, in one chunk, at least PROBE_LOOKUPS lookups found at least DISTINCT_SHARE new
// values (mostly distinct), or when it holds more than FIELD_MAX_BYTES; while all fields together hold more
// than TOTAL_MAX_BYTES the biggest ones turn chunk-local. The engine hands the worker no values of a field past
// these budgets (caseIndex.ts dictSnapshot): it is chunk-local from the start.

/** estimated heap bytes per value held (the Map entry and the string's header), its characters counted apart */
export const VALUE_BYTES = 48;
/** one field's values held case-wide at most (about 40,000 addresses) */
export const FIELD_MAX_BYTES = 2 << 20;
/** every field's values together */
export const TOTAL_MAX_BYTES = 16 << 20;
/** lookups of a field in one chunk before its share of new values says anything */
export const PROBE_LOOKUPS = 512;
/** share of a chunk's lookups that found a new value, from which a field is mostly distinct */
export const DISTINCT_SHARE = 0.9;

/** The estimated bytes of `values` values of `chars` characters in all. */
export function heldBytes(values: number, chars: number): number {
  return values * VALUE_BYTES + chars;
}

/** One chunk's lookups of a field, of which `added` found a new value: mostly distinct? */
export function mostlyDistinct(lookups: number, added: number): boolean {
  return lookups >= PROBE_LOOKUPS && added >= lookups * DISTINCT_SHARE;
}

/**
 * Positions of the fields (given their held bytes) that must not be kept case-wide: every field over
 * FIELD_MAX_BYTES, then the biggest of the rest until the others together hold at most TOTAL_MAX_BYTES.
 */
export function overBudget(bytes: readonly number[]): number[] {
  const out: number[] = [];
  const kept: number[] = [];
  let total = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] > FIELD_MAX_BYTES) out.push(i);
    else {
      kept.push(i);
      total += bytes[i];
    }
  }
  if (total > TOTAL_MAX_BYTES) {
    kept.sort((a, b) => bytes[b] - bytes[a]);
    for (const i of kept) {
      if (total <= TOTAL_MAX_BYTES) break;
      out.push(i);
      total -= bytes[i];
    }
  }
  return out;
}
