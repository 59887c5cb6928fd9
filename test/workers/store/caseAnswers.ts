// Every answer a case gives that the storage upgrade tests compare: the catalog, each query's count, events in
// time order and by user, facets of every field, a histogram, the dashboard.
import type { EngineApi } from '../../../src/workers/api.ts';

const QUERIES = [
  '', '"Failed password"', 'init.host.ip:203.0.113.0/24', 'target.usr.name:/adm.*/', 'parser.name:unparsed',
  'outcome:failure and obs.host.name:web01', 'alarm.id:4625 or alarm.id:4624', 'template.id:*', 'not action:*', 'sshd',
];

/**
 * Every answer the comparison covers: catalog, counts, each query's events in time order, facets of every field.
 * `alerts` false leaves the dashboard's alert series out (it depends on whether the background detection run has
 * finished yet, which a test that re-times a file cannot wait for).
 */
export async function answers(engine: EngineApi, queries: readonly string[] = QUERIES, alerts = true): Promise<unknown[]> {
  const out: unknown[] = [];
  const catalog = await engine.fieldCatalog();
  out.push(catalog);
  const fields = catalog.map((f) => f.field);
  for (const text of queries) {
    const r = await engine.query(text);
    if (!r.ok) {
      out.push(r.error);
      continue;
    }
    const { id, total } = r.handle;
    out.push(text, total, await engine.page(id, 0, total));
    out.push(await engine.page(id, 0, 50, { field: 'target.usr.name', dir: 'asc' }));
    out.push(await engine.facets(id, fields, 20));
    out.push(await engine.histogram(id, 40, 'outcome'));
    await engine.release(id);
  }
  const { alerts: series, ...dashboard } = await engine.dashboard(40);
  out.push(alerts ? { ...dashboard, alerts: series } : dashboard);
  return out;
}

