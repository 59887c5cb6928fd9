// The browser's IngestRunner: a dedicated ingest worker started from the engine worker (nested workers
// keep file bytes off the main thread entirely). The hooks run here, in the engine worker.
import { proxy, wrap, type Remote } from 'comlink';
import type { IngestRunner } from './runner.ts';
import type { IngestWorkerApi } from './ingest.worker.ts';
import { embeddedWorker } from '../embed.ts';
import { carryInto } from './carriedRows.ts';
import type { RemoteBodyReader } from '../store/remoteBodies.ts';

let worker: Remote<IngestWorkerApi> | undefined;
const ingestWorker = (): Remote<IngestWorkerApi> => (worker ??= wrap<IngestWorkerApi>(embeddedWorker('ingest', 'logdrop-ingest')
  ?? new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module', name: 'logdrop-ingest' })));

/** Chunk bodies read and decoded in the ingest worker (store/remoteBodies.ts): it is idle while a case opens. */
export const workerBodyReader: RemoteBodyReader = (caseId, name) => ingestWorker().readBody(caseId, name);

/** Starts the ingest worker (its script loads) before it is first needed. */
export const startIngestWorker = (): void => void ingestWorker();

export const workerRunner: IngestRunner = async (files, options, hooks) => {
  const worker = ingestWorker();
  const { signal, ...plain } = options;
  const onAbort = () => void worker.cancel();
  signal?.addEventListener('abort', onAbort);
  try {
    // carry: the rows and chunk of one message from the ingest worker (carriedRows.ts)
    return await worker.run(files, plain, proxy({ ...hooks, carry: carryInto(hooks) }));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
};
