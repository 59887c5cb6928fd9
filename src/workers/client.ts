// The UI's handle on the engine: a comlink proxy of EngineApi running in a worker, plus an idle hook
// (end-to-end tests and benchmarks wait on real work instead of sleeping).
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from './api.ts';
import { embeddedWorker } from './embed.ts';

export { embeddedDemoFile, isSingleFile } from './embed.ts';
export { IdleTracker } from './idleTracker.ts';

export type EngineClient = Remote<EngineApi>;

export function startEngine(): EngineClient {
  // the single-file build starts it from its embedded script (embed.ts); the URL form is what Vite bundles
  const worker = embeddedWorker('engine', 'logdrop-engine')
    ?? new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'logdrop-engine' });
  return wrap<EngineApi>(worker);
}

/** Wraps a callback so the worker can call it back across the thread boundary. */
export const callback = proxy;

