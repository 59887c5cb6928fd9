// Entity page: what the case knows about one IP, user or host, aggregated here so the page receives
// a few small tables and one series. Built from the same primitives as the search view (search,
// facet, histogram, topN), so its numbers agree with what "show these events" then lists.
import type { Counterpart, CounterpartGroup, EntityKind, EntitySummary, Facet, FilterValue, LogonSummary } from '../../api.ts';
import type { CaseIndex } from '../caseIndex.ts';
import { and, anyOf, term } from '../queryText.ts';
import { resolveFieldName } from '../compile.ts';
import type { RowSet } from '../rowSet.ts';
import { search } from '../search.ts';
import { codesOf, countCodes } from './codes.ts';
import { facet } from './facet.ts';
import { histogram } from './histogram.ts';
import { topN } from './topN.ts';

/** The fields an entity of each kind appears in; its events are those holding the value in any of them. */
export const ENTITY_FIELDS: Readonly<Record<EntityKind, readonly string[]>> = {
  ip: ['init.host.ip', 'target.host.ip', 'obs.host.ip'],
  user: ['init.usr.name', 'target.usr.name'],
  host: ['obs.host.name', 'init.host.name', 'target.host.name'],
};

/** Which kind of entity a field's values are (counterparts and graph nodes open entity pages). */
export const FIELD_KIND: Readonly<Record<string, EntityKind>> = Object.assign(Object.create(null) as Record<string, EntityKind>, {
  'init.host.ip': 'ip', 'target.host.ip': 'ip', 'obs.host.ip': 'ip',
  'init.usr.name': 'user', 'target.usr.name': 'user',
  'obs.host.name': 'host', 'init.host.name': 'host', 'target.host.name': 'host',
});

type Group = readonly [field: string, title: string];
const COUNTERPARTS: Readonly<Record<EntityKind, readonly Group[]>> = {
  ip: [['target.usr.name', 'Accounts it tried'], ['init.usr.name', 'Users acting from it'], ['obs.host.name', 'Hosts that logged it'],
    ['target.host.ip', 'Destination IPs'], ['init.host.ip', 'Source IPs reaching it']],
  user: [['init.host.ip', 'Source IPs it came from'], ['obs.host.name', 'Hosts'], ['target.host.name', 'Target hosts'],
    ['init.usr.name', 'Users acting on it'], ['target.usr.name', 'Accounts it acted on']],
  host: [['target.usr.name', 'Accounts'], ['init.usr.name', 'Acting users'], ['init.host.ip', 'Source IPs'], ['target.host.ip', 'Destination IPs']],
};
const FACETS: readonly Group[] = [
  ['target.host.port', 'Destination ports'], ['app.name', 'Apps'], ['action', 'Actions'],
  ['type', 'Event types'], ['alarm.id', 'Event ids'], ['col.file', 'Files'],
];
const LOC_PREFIXES = ['init.host.loc.', 'target.host.loc.'];
export const ENTITY_TOP = 10;

export function entityQuery(kind: EntityKind, value: string): string {
  return anyOf(ENTITY_FIELDS[kind], value);
}

export function entitySummary(index: CaseIndex, kind: EntityKind, value: string, buckets: number, nowMs: number): EntitySummary {
  const query = entityQuery(kind, value);
  const set = rowsOf(index, query, nowMs);
  const rows = set.rows(), ts = index.ts;
  let first = Infinity, last = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const t = ts[rows[i]];
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const filters = (field: string, n: number) => {
    const f = facet(index, set, field, n);
    return { field, distinct: f.distinct, values: f.values.map((v): FilterValue => ({ ...v, query: and(query, term(field, v.value)) })) };
  };
  return {
    kind, value, query, total: set.size,
    ...(first !== Infinity ? { firstSeen: first, lastSeen: last } : {}),
    outcomes: filters('outcome', 5).values,
    activity: histogram(index, set, buckets, 'outcome'),
    logons: logonSummary(index, and(query, 'action:logon'), nowMs),
    counterparts: COUNTERPARTS[kind].map(([field, title]) => counterparts(index, set, query, kind, value, field, title)).filter((g) => g.values.length > 0),
    facets: FACETS.map(([field, title]) => ({ title, ...filters(field, ENTITY_TOP) })).filter((f) => f.values.length > 0),
    location: location(index, kind, value, set, nowMs),
  };
}

/**
 * Location facets (init.host.loc.*, target.host.loc.*). On an IP's page each side counts only the events
 * where the IP is on that side: over all its events, init.host.loc.* also held the location of whoever
 * reached it (the page said "Sao Paulo, Berlin" for one address).
 */
function location(index: CaseIndex, kind: EntityKind, value: string, all: RowSet, nowMs: number): Facet[] {
  const names = index.fieldNames();
  return LOC_PREFIXES.flatMap((prefix) => {
    const fields = names.filter((f) => f.startsWith(prefix)).sort();
    if (fields.length === 0) return [];
    const set = kind === 'ip' ? rowsOf(index, term(`${prefix.slice(0, -'loc.'.length)}ip`, value), nowMs) : all;
    return fields.map((f) => facet(index, set, f, 3)).filter((f: Facet) => f.values.length > 0);
  });
}

/** The rows of engine-written query text (a failure here is a bug in the text we wrote, so it throws). */
function rowsOf(index: CaseIndex, query: string, nowMs: number): RowSet {
  const r = search(index, query, nowMs);
  if (!r.ok) throw new Error(`internal query "${query}" failed: ${r.error.message}`);
  return r.value.rows;
}

function logonSummary(index: CaseIndex, query: string, nowMs: number): LogonSummary {
  const set = rowsOf(index, query, nowMs);
  const outcomes = facet(index, set, 'outcome', 5).values;
  const count = (o: string) => outcomes.find((v) => v.value === o)?.count ?? 0;
  return {
    total: set.size, success: count('success'), failure: count('failure'),
    types: facet(index, set, 'logon.type_name', ENTITY_TOP).values,
    methods: facet(index, set, 'data.auth_method', ENTITY_TOP).values,
  };
}

/** Among the busiest this many values, those with a success are added to the top ones (the login that worked). */
const SUCCESS_SCAN = 200;
const SUCCESS_EXTRA = 5;

function counterparts(index: CaseIndex, set: RowSet, query: string, kind: EntityKind, self: string, field: string, title: string): CounterpartGroup {
  const other = FIELD_KIND[field];
  // the entity itself is no counterpart (an IP in both source and destination roles)
  const isSelf = (v: string) => other === kind && v.toLowerCase() === self.toLowerCase();
  const all = topN(index, set, field, 'outcome', SUCCESS_SCAN).filter((g) => !isSelf(g.value)).map((g): Counterpart => {
    const n = (o: string) => g.values.find((v) => v.value === o)?.count ?? 0;
    return { ...(other ? { kind: other } : {}), value: g.value, count: g.count, success: n('success'), failure: n('failure'), query: and(query, term(field, g.value)) };
  });
  // the busiest values, plus the few that succeeded below them: 3,200 failures then one success as deploy
  const top = all.slice(0, ENTITY_TOP);
  const succeeded = all.slice(ENTITY_TOP).filter((c) => c.success > 0).sort((a, b) => b.success - a.success).slice(0, SUCCESS_EXTRA);
  const values = [...top, ...succeeded].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { field, title, distinct: distinctBut(index, set, field, isSelf), values };
}

/** Distinct values of the field among the rows, leaving out those `skip` says. */
function distinctBut(index: CaseIndex, set: RowSet, name: string, skip: (v: string) => boolean): number {
  const field = index.field(resolveFieldName(index, name));
  if (field === undefined) return 0;
  const rows = set.rows();
  const codes = codesOf(index, field, rows);
  const counts = countCodes(codes, rows);
  let n = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c] !== 0 && !skip(codes.labels[c - 1])) n++;
  return n;
}
