// ti.* on the case index: of an event's IPs (init, target, obs) the worst-scored one gives its fields,
// across chunks (dictionary ids differ per chunk), re-derived when what is known changes.
import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../../../src/workers/chunk/chunk.ts';
import { createQueryEngine } from '../../../../src/workers/query/engine.ts';
import { TiService } from '../../../../src/workers/enrich/ti/tiService.ts';
import type { EventFields } from '../../../../src/core/schema.ts';

function chunkOf(events: EventFields[], seq: number) {
  const b = new ChunkBuilder(events.length);
  for (const e of events) b.add({ raw: 'x', message: 'x', 'parser.name': 'test', 'col.line': 1, 'col.offset': 0, ...e });
  return b.build(1, seq);
}

const list = (csv: string) => ({ id: 'l', name: 'l.csv', scope: 'case' as const, addedMs: 0, bytes: new TextEncoder().encode(csv) });

describe('ti.* derived from several IP fields', () => {
  const ti = new TiService(() => 0, false);
  ti.setLists([list('ip,score,label\n198.51.100.1,20,low\n198.51.100.2,80,high\n198.51.100.3,80,tie\n')]);
  const events: EventFields[] = [
    { ts: 1, 'init.host.ip': '198.51.100.1', 'target.host.ip': '198.51.100.2' }, // target is worse
    { ts: 2, 'init.host.ip': '198.51.100.2', 'target.host.ip': '198.51.100.1' }, // init is worse
    { ts: 3, 'init.host.ip': '198.51.100.3', 'target.host.ip': '198.51.100.2' }, // a tie: init first
    { ts: 4, 'init.host.ip': '10.0.0.1', 'obs.host.ip': '198.51.100.1' }, // only the observer is known
    { ts: 5, 'init.host.ip': '8.8.8.8' },
    { ts: 6 },
  ];

  it('picks the worst IP per event, in every chunk', () => {
    const q = createQueryEngine();
    q.index.setDerivations(ti.derivations());
    q.addChunk(chunkOf(events.slice(0, 3), 0));
    q.addChunk(chunkOf(events.slice(3), 1));
    const ipOf = (row: number) => q.index.valueOf('ti.ip', row);
    expect([0, 1, 2, 3, 4, 5].map(ipOf)).toEqual(['198.51.100.2', '198.51.100.2', '198.51.100.3', '198.51.100.1', undefined, undefined]);
    expect(q.index.valueOf('ti.label', 2)).toBe('tie');
    const high = q.query('ti.score>=50');
    expect(high.ok && high.handle.total).toBe(3);
  });

  it('is absent, and costs nothing, while nothing is known', () => {
    const empty = new TiService(() => 0, false);
    expect(empty.derivations()).toEqual([]);
    const q = createQueryEngine();
    q.index.setDerivations(empty.derivations());
    q.addChunk(chunkOf(events, 0));
    expect(q.index.fieldNames().filter((n) => n.startsWith('ti.'))).toEqual([]);
  });

  it('is re-derived when a list changes', () => {
    const q = createQueryEngine();
    const t = new TiService(() => 0, false);
    t.setLists([list('ip,score\n8.8.8.8,60\n')]);
    q.index.setDerivations(t.derivations());
    q.addChunk(chunkOf(events, 0));
    expect(q.index.valueOf('ti.score', 4)).toBe('60');
    t.setLists([list('ip,score\n8.8.8.8,5\n')]);
    q.index.setDerivations(t.derivations());
    expect(q.index.valueOf('ti.score', 4)).toBe('5');
  });
});
