// The built-in demo bundle (public/demo, scripts/make-demo.ts) in a query engine, read exactly as the
// app reads it: the manifest's paths and modification time (year-less syslog takes its year from it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestBundle } from '../../../src/workers/ingest/ingestBundle.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';

const DEMO = join(import.meta.dirname, '../../../public/demo');

export async function demoEngine(): Promise<QueryEngine> {
  const manifest = JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as { files: { path: string; lastModified: number }[] };
  const sources = manifest.files.map((f) => sourceFromBytes(`demo/${f.path}`, new Uint8Array(readFileSync(join(DEMO, f.path))), f.lastModified));
  const engine = createQueryEngine();
  let id = 1;
  await ingestBundle(sources, {}, {
    addFile: async () => id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (chunk) => { engine.addChunk(chunk); },
  });
  return engine;
}

/** Facts of the demo story, from scripts/make-demo.ts. */
export const DEMO_FACTS = {
  attacker: '203.0.113.45',
  /** brute-force attempts, each one "Failed password" line */
  attempts: 3200,
  /** the same address's earlier tries on web02 (var/log/web02/auth.log, from 01:50 UTC on day 2) */
  attemptsWeb02: 120,
  /** the attacker's accepted logins: deploy, then the new backdoor account */
  accepted: ['deploy', 'backdoor'],
  host: 'web01',
};
