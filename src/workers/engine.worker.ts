// The engine worker: a shell (DESIGN practice 4). All logic lives in plain modules behind createEngine().
import { expose } from 'comlink';
import { createEngine } from './engine.ts';
import { startIngestWorker, workerBodyReader, workerRunner } from './ingest/workerRunner.ts';
import { setRemoteBodyReader } from './store/remoteBodies.ts';
import { fetchGeoAsset } from './enrich/geoAssets.ts';
import { openFetchWorker } from './enrich/ti/tiFetchClient.ts';
import { isSingleFile } from './embed.ts';
import { openWebhookWorker } from './live/webhookClient.ts';

// stored chunk bodies are read and decoded in the ingest worker, idle while a case opens (store/remoteBodies.ts)
setRemoteBodyReader(workerBodyReader, startIngestWorker);
// the single file (file://) carries the page's policy to every worker it starts (connect-src 'self'): no online
// lookups there, offline lists still work
expose(createEngine({ runIngest: workerRunner, geoData: fetchGeoAsset, ti: isSingleFile() ? {} : { openFetcher: openFetchWorker },
  // the single file's workers are blobs that inherit the page's policy: no per-origin poster there
  webhook: isSingleFile() ? undefined : openWebhookWorker }));
