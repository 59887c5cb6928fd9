// Two tabs redacting one case (two engines on one fake-indexeddb, as in one browser): each numbers the values
// it meets first, in its own order; the saved numbering is merged under the case's lock and announced between
// them, so both end with one numbering: the same pseudonym for each value in both tabs and in the case setting.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import type { EngineApi } from '../../../src/workers/api.ts';
import { Redactor } from '../../../src/workers/redact/redactor.ts';

const IPS = ['198.51.100.23', '203.0.113.45', '192.0.2.199', '198.51.100.7'];

function log(): string {
  return Array.from({ length: 40 }, (_, i) =>
    `Jan  5 08:00:${String(i).padStart(2, '0')} bastion sshd[${100 + i}]: Failed password for root from ${IPS[i % IPS.length]} port ${40000 + i} ssh2\n`).join('');
}

/** the pseudonym the engine shows for each original address, read from a query per address */
async function shown(engine: EngineApi, order: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ip of order) {
    const q = await engine.query(`init.host.ip:"${ip}"`);
    if (!q.ok) throw new Error(q.error.message);
    const [row] = await engine.page(q.handle.id, 0, 1);
    out.set(ip, String(row.fields['init.host.ip']));
  }
  return out;
}

/** the mapping table as original -> pseudonym */
async function table(engine: EngineApi): Promise<Map<string, string>> {
  const r = await engine.redactionMapping();
  if (!r.ok) throw new Error(r.message);
  const rows = (await r.blob.text()).trim().split('\r\n').slice(1).map((l) => l.split(','));
  return new Map(rows.filter((c) => c[0] === 'ip').map((c) => [c[2], c[1]]));
}

describe('two tabs redacting one case', () => {
  it('share one numbering: the same pseudonym per value in both tabs and in the saved mapping', async () => {
    const a = createEngine();
    const info = await a.createCase('two tabs');
    await a.ingest([{ path: 'auth.log', file: new File([log()], 'auth.log') }], {}, () => {});
    await a.detected();
    const b = createEngine();
    await b.openCase(info.id);
    await a.setRedaction({ on: true });
    await b.setRedaction({ on: true });
    // each tab meets the addresses first in another order, before either has saved
    const firstA = await shown(a, IPS);
    await shown(b, [...IPS].reverse()); // unless A's save came first, B gives A's first pseudonym to another address
    // the mapping tables take in what the other tab saved
    const tA = await table(a);
    const tB = await table(b);
    const tA2 = await table(a);
    expect(tB).toEqual(tA2);
    expect(tA.size).toBe(IPS.length);
    // one-to-one
    expect(new Set(tB.values()).size).toBe(IPS.length);
    // both tabs now show the same pseudonyms, those of the table
    expect(await shown(a, IPS)).toEqual(tA2);
    expect(await shown(b, IPS)).toEqual(tA2);
    // the first tab to save kept its pseudonyms
    expect(tA2).toEqual(firstA);
  });

  it('Redactor.merge: saved pseudonyms win; a clashing value of this tab is numbered anew after both counts', () => {
    const saved = new Redactor();
    saved.value('init.host.ip', '192.0.2.1');
    saved.value('target.usr.name', 'root');
    const mine = new Redactor();
    mine.value('init.host.ip', '203.0.113.9'); // 10.0.0.1 here, but the saved numbering gives it to 192.0.2.1
    mine.value('target.usr.name', 'root');
    const r = mine.merge(saved.snapshot());
    expect(r).toEqual({ localOnly: 1, changed: true });
    expect(mine.value('init.host.ip', '192.0.2.1')).toBe('10.0.0.1');
    expect(mine.value('init.host.ip', '203.0.113.9')).toBe('10.0.0.2');
    expect(mine.original('10.0.0.2')).toBe('203.0.113.9');
    expect(mine.value('target.usr.name', 'root')).toBe('user-1');
    expect(mine.merge(mine.snapshot())).toEqual({ localOnly: 0, changed: false });
  });
});
