// GeoIP loc fields on the case index: derived from each IP role per distinct address, queryable,
// facetable and on every event, re-derived when the user's data changes; the stored chunks never change.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';
import { createEngine } from '../../../src/workers/engine.ts';
import { GeoService, type StoredGeoData } from '../../../src/workers/enrich/geoService.ts';
import type { EventFields } from '../../../src/core/schema.ts';

const ranges = (rows: object[]): StoredGeoData => ({ id: 'r', name: 'r.json', scope: 'case', addedMs: 0, bytes: new TextEncoder().encode(JSON.stringify(rows)) });

function chunkOf(events: EventFields[], fileId = 1) {
  const b = new ChunkBuilder(events.length);
  for (const e of events) b.add({ raw: 'x', message: 'x', 'parser.name': 'test', 'col.line': 1, 'col.offset': 0, ...e });
  return b.build(fileId, 0);
}

describe('derived loc fields', async () => {
  const geo = new GeoService();
  await geo.setUserData([ranges([{ network: '81.2.69.0/24', country_code: 'GB', city: 'London' }, { network: '2a02:cf40::/32', country_code: 'NO' }])]);
  const events: EventFields[] = [
    { ts: 1, 'init.host.ip': '81.2.69.160', 'target.host.ip': '10.0.0.5' },
    { ts: 2, 'init.host.ip': '81.2.69.161' },
    { ts: 3, 'init.host.ip': '2a02:cf40::9', 'target.host.ip': '81.2.69.1' },
    { ts: 4, 'init.host.ip': '127.0.0.1' },
    { ts: 5, 'init.host.ip': '5.5.5.5' },
    { ts: 6 },
  ];

  it('fill, query and facet like stored fields', () => {
    const q = createQueryEngine();
    q.index.setDerivations(geo.derivations());
    q.addChunk(chunkOf(events));
    const r = q.query('init.host.loc.country_short:GB');
    expect(r.ok && r.handle.total).toBe(2);
    const label = q.query('target.host.loc.label:private or init.host.loc.label:loopback');
    expect(label.ok && label.handle.total).toBe(2);
    const all = q.query('');
    if (!r.ok || !all.ok) throw new Error('query failed');
    const [f] = q.facets(all.handle.id, ['init.host.loc.country'], 5);
    expect(f.values).toEqual([{ value: 'United Kingdom', count: 2 }, { value: 'Norway', count: 1 }]);
    expect(q.page(r.handle.id, 0, 1)[0].fields).toMatchObject({ 'init.host.loc.city': 'London', 'init.host.loc.country_short': 'GB' });
    expect(q.fieldCatalog().map((e) => e.field)).toEqual(expect.arrayContaining(['init.host.loc.country_short', 'target.host.loc.label']));
  });

  it('are re-derived for every row when the data changes, and extended as chunks arrive', async () => {
    const q = createQueryEngine();
    q.addChunk(chunkOf(events));
    expect(q.index.field('init.host.loc.country_short')).toBeUndefined();
    q.index.setDerivations(geo.derivations());
    const before = q.query('init.host.loc.country_short:GB');
    expect(before.ok && before.handle.total).toBe(2);
    q.addChunk(chunkOf([{ ts: 7, 'init.host.ip': '81.2.69.200' }], 2));
    const after = q.query('init.host.loc.country_short:GB');
    expect(after.ok && after.handle.total).toBe(3);
    const other = new GeoService();
    await other.setUserData([ranges([{ network: '81.2.69.128/25', country_code: 'FR' }])]);
    q.index.setDerivations(other.derivations());
    const gb = q.query('init.host.loc.country_short:GB');
    expect(gb.ok && gb.handle.total).toBe(0);
    const fr = q.query('init.host.loc.country_short:FR');
    expect(fr.ok && fr.handle.total).toBe(3);
  });
});

describe('engine: the user loads GeoIP data', () => {
  it('keeps it with the case or for all cases, and re-enriches the open case', async () => {
    const engine = createEngine();
    const a = await engine.createCase('geo a');
    await engine.ingest([{ path: 'auth.log', file: new File(['Oct 17 12:00:01 web-01 sshd[1]: Failed password for root from 81.2.69.160 port 22 ssh2\n'], 'auth.log') }], {}, () => {});
    const none = await engine.query('init.host.loc.country_short:GB');
    expect(none.ok && none.handle.total).toBe(0);
    const csv = new Blob(['network,country_code,city\n81.2.69.0/24,GB,London\n']);
    const added = await engine.addGeoData(csv, 'sites.csv', 'case');
    expect(added.ok).toBe(true);
    const gb = await engine.query('init.host.loc.city:London');
    expect(gb.ok && gb.handle.total).toBe(1);
    expect((await engine.geoStatus()).user.map((u) => [u.name, u.scope, u.kind])).toEqual([['sites.csv', 'case', 'ranges']]);

    // another case does not see case-scoped data; data kept for all cases reaches it
    const b = await engine.createCase('geo b');
    expect((await engine.geoStatus()).user).toEqual([]);
    const global = await engine.addGeoData(new Blob(['[{"network":"5.5.5.0/24","country_code":"DE"}]']), 'all.json', 'all');
    expect(global.ok && global.status.user.map((u) => u.scope)).toEqual(['all']);

    // reopening case a in a new engine (a reload): both files apply, read from IndexedDB
    const reloaded = createEngine();
    await reloaded.openCase(a.id);
    expect((await reloaded.geoStatus()).user.map((u) => u.name).sort()).toEqual(['all.json', 'sites.csv']);
    const again = await reloaded.query('init.host.loc.city:London');
    expect(again.ok && again.handle.total).toBe(1);
    const id = (await reloaded.geoStatus()).user.find((u) => u.name === 'sites.csv')!.id;
    await reloaded.removeGeoData(id);
    const gone = await reloaded.query('init.host.loc.city:London');
    expect(gone.ok && gone.handle.total).toBe(0);

    const bad = await reloaded.addGeoData(new Blob(['just some text']), 'notes.txt', 'case');
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error).toMatch(/Expected a MaxMind \.mmdb file/);
    await reloaded.deleteCase(a.id);
    await reloaded.deleteCase(b.id);
  });
});
