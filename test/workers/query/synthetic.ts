// Small hand-made cases for the entity, graph and dashboard aggregations: each event a few fields.
import type { EventFields } from '../../../src/core/schema.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';

export const BASE = Date.UTC(2025, 4, 1, 8, 0, 0);

/** One chunk per call argument list; ts defaults to BASE + i seconds. */
export function engineOf(...chunks: EventFields[][]): QueryEngine {
  const index = new CaseIndex();
  let i = 0;
  chunks.forEach((events, c) => {
    const b = new ChunkBuilder(Math.max(1, events.length));
    for (const e of events) b.add({ ts: BASE + 1000 * i++, message: '', raw: '', ...e });
    index.addChunk(b.build(c + 1, 0));
  });
  return createQueryEngine(index, { now: () => BASE });
}

export const logon = (ip: string, user: string, host: string, outcome: string, extra: EventFields = {}): EventFields => ({
  type: 'AUTH', action: 'logon', outcome, 'init.host.ip': ip, 'target.usr.name': user, 'obs.host.name': host, ...extra,
});

export const connection = (src: string, dst: string, port: number, outcome: string): EventFields => ({
  type: 'FW', action: 'connection', outcome, 'init.host.ip': src, 'target.host.ip': dst, 'target.host.port': port,
});
