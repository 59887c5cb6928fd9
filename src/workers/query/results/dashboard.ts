// The dashboard's series (the mini-SIEM page) over the whole case, each small enough for one chart
// (at most `buckets` time buckets, top 10 values), every value with the query that selects it.
import type { DashboardData, FilterValue, SeriesQueries } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import { and, term } from '../queryText.ts';
import { RowSet } from '../rowSet.ts';
import { search } from '../search.ts';
import { facet } from './facet.ts';
import { histogram, NONE, OTHER } from './histogram.ts';

export const DASHBOARD_TOP = 10;
export const LOGON_QUERY = 'action:logon';
const COUNTRY = 'init.host.loc.country';

export function dashboard(index: CaseIndex, buckets: number, nowMs: number): DashboardData {
  const all = RowSet.all(index.rowCount);
  const logons = search(index, LOGON_QUERY, nowMs);
  // the query is ours and constant: it cannot fail to parse; an unknown field only matches nothing
  const logonRows = logons.ok ? logons.value.rows : new RowSet(index.rowCount, new Uint32Array(0));
  const filters = (set: RowSet, field: string, base: string) => {
    const f = facet(index, set, field, DASHBOARD_TOP);
    return { field, distinct: f.distinct, values: f.values.map((v): FilterValue => ({ ...v, query: and(base, term(field, v.value)) })) };
  };
  const events = histogram(index, all, buckets, 'outcome');
  const outcomeQueries: SeriesQueries = Object.create(null) as SeriesQueries;
  for (const b of events.buckets) {
    for (const name of Object.keys(b.split ?? {})) if (name !== NONE && name !== OTHER) outcomeQueries[name] = term('outcome', name);
  }
  const countries = index.field(COUNTRY) === undefined ? undefined : filters(all, COUNTRY, '');
  return {
    total: all.size,
    events,
    logons: histogram(index, logonRows, buckets, 'outcome'),
    logonQuery: LOGON_QUERY,
    outcomeQueries,
    sourceIps: filters(all, 'init.host.ip', ''),
    targetedUsers: filters(logonRows, 'target.usr.name', LOGON_QUERY),
    actions: filters(all, 'action', ''),
    ...(countries !== undefined && countries.values.length > 0 ? { countries } : {}),
  };
}
