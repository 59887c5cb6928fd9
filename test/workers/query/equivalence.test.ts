// Equivalent values compare equal in queries (issue 12): MAC addresses in any notation, host names in any case.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';

function engineOf(events: EventFields[]) {
  const index = new CaseIndex(), b = new ChunkBuilder(10_000);
  for (const e of events) b.add(e);
  index.addChunk(b.build(1, 0));
  return createQueryEngine(index);
}

const EVENTS: EventFields[] = [
  { 'init.host.mac': '00:16:3e:5e:6c:00', 'init.host.name': 'LAPTOP-7.corp.example', message: 'lease' },
  { 'init.host.mac': '00-16-3E-5E-6C-00', 'init.host.name': 'laptop-7.CORP.example', message: 'renew' },
  { 'init.host.mac': '0016.3e5e.6c00', 'init.host.name': 'switch01', message: 'port up' },
  { 'init.host.mac': '00163E5E6C00', 'init.host.name': 'dhcp01', message: 'assign' },
  { 'init.host.mac': 'aa:bb:cc:dd:ee:ff', 'init.host.name': 'other', message: 'lease' },
];

describe('equivalent values in queries', () => {
  const engine = engineOf(EVENTS);
  for (const q of ['00:16:3e:5e:6c:00', '00-16-3e-5e-6c-00', '0016.3E5E.6C00', '00163e5e6c00']) {
    it(`init.host.mac:${q} finds the address in all four notations`, () => {
      expect(engine.query(`init.host.mac:${q}`)).toMatchObject({ ok: true, handle: { total: 4 } });
    });
  }
  it('a quoted MAC matches only as written (ignoring case)', () => {
    expect(engine.query('init.host.mac:"00-16-3e-5e-6c-00"')).toMatchObject({ ok: true, handle: { total: 1 } });
  });
  it('another MAC does not match', () => {
    expect(engine.query('init.host.mac:aa-bb-cc-dd-ee-ff')).toMatchObject({ ok: true, handle: { total: 1 } });
  });
  it('host names compare case-insensitively', () => {
    expect(engine.query('init.host.name:laptop-7.corp.example')).toMatchObject({ ok: true, handle: { total: 2 } });
    expect(engine.query('init.host.name:SWITCH01')).toMatchObject({ ok: true, handle: { total: 1 } });
  });
});
