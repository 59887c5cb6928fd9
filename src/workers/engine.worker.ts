// The engine worker: a shell (DESIGN practice 4). All logic lives in plain modules behind createEngine().
import { expose } from 'comlink';
import { createEngine } from './engine.ts';
import { workerRunner } from './ingest/workerRunner.ts';
import { fetchGeoAsset } from './enrich/geoAssets.ts';
import { openFetchWorker } from './enrich/ti/tiFetchClient.ts';

expose(createEngine({ runIngest: workerRunner, geoData: fetchGeoAsset, ti: { openFetcher: openFetchWorker } }));
