// What a background detection run of the open case reads (caseAlerts.ts DetectionSource): the case's table
// while the case stays open, and the identity of everything detection depends on besides parameters and rules.
import type { EventTable } from '../../detect/types.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { DetectionSource } from './caseAlerts.ts';
import { textHash } from '../../core/textHash.ts';

/** the build: detector code changes between builds, so a stored result of another build is not reused */
const BUILD = typeof __LOGDROP_BUILT__ === 'string' ? __LOGDROP_BUILT__ : 'unbuilt';

export function detectionSource(
  store: CaseStore, table: () => EventTable | undefined, enrichment: () => string,
): DetectionSource {
  return {
    table,
    async dataKey() {
      // every ledger field: a file read again with another parser, zone or year changes its row
      const files = textHash((await store.files()).map((f) => JSON.stringify(f)));
      return JSON.stringify([BUILD, files, enrichment()]);
    },
  };
}
