// Events whose field values start like formulas (and some that only look like it), as one stored chunk.
import { ChunkBuilder, type EventChunk } from '../../../src/workers/chunk/chunk.ts';

export function formulaChunk(): EventChunk {
  const b = new ChunkBuilder(100);
  const base = { ts: Date.UTC(2026, 0, 2), 'parser.name': 'test', 'col.file': 'formulas.log', message: 'formula test' };
  b.add({ ...base, 'col.line': 1, 'target.usr.name': '=cmd|\' /C calc\'!A0', 'init.host.port': -1, 'data.zone': '+02:00' });
  b.add({ ...base, 'col.line': 2, 'target.usr.name': '@SUM(A1)', 'init.host.port': 22, 'data.zone': '-05:30' });
  b.add({ ...base, 'col.line': 3, 'target.usr.name': '-2+3', 'data.zone': '-' });
  b.add({ ...base, 'col.line': 4, 'target.usr.name': '+1+1' });
  b.add({ ...base, 'col.line': 5, 'target.usr.name': '\t=1' });
  b.add({ ...base, 'col.line': 6, 'target.usr.name': 'alice' });
  return b.build(99, 0);
}
