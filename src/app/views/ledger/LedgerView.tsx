// The Ledger tab: the evidence manifest of the case's files (hashes, parsers, counts, re-reading).
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { Workbench } from '../../state/useWorkbench.ts';
import { LedgerSection } from './LedgerSection.tsx';
import { useFileCount } from '../../state/filesStore.ts';

export function LedgerView({ engine, tracker, wb }: { engine: EngineClient; tracker: IdleTracker; wb: Workbench }) {
  const count = useFileCount(wb.filesStore);
  if (count === 0) {
    return <section className="empty-case"><p>No file in this case yet: the ledger lists every file read, with its SHA-256, parser and counts. Open files or load the demo bundle.</p></section>;
  }
  return <LedgerSection engine={engine} tracker={tracker} wb={wb} initiallyOpen />;
}
