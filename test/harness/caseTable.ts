// Files -> the engine's CaseIndex (the same ingest path the worker uses) -> the EventTable that detect reads.
import type { EventTable } from '../../src/detect/types.ts';
import { ingestBundle } from '../../src/workers/ingest/ingestBundle.ts';
import { CaseIndex } from '../../src/workers/query/caseIndex.ts';
import { caseTable } from '../../src/workers/query/eventTable.ts';
import type { IngestOptions } from '../../src/workers/api.ts';
import { sourceFromPath } from './ingest.ts';

export interface IngestedCase { index: CaseIndex; table: EventTable }

export async function ingestCase(paths: string[], opts: IngestOptions = {}): Promise<IngestedCase> {
  const index = new CaseIndex();
  let id = 1;
  await ingestBundle(paths.map((p) => sourceFromPath(p)), opts, {
    addFile: async () => id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (chunk) => { index.addChunk(chunk); },
  });
  return { index, table: caseTable(index) };
}
