// EngineApi's entity page, graph and dashboard types: aggregated in the engine, small enough to draw. Only types.
import type { Facet, FacetValue, Histogram, QueryError, Severity } from '../api.ts';

/** A value the UI can click through: `query` selects its events (the engine writes query text, the UI never quotes). */
export interface FilterValue extends FacetValue { query: string }

export type EntityKind = 'ip' | 'user' | 'host';

/** A value seen beside the entity (a user an IP tried, an IP a user came from), with its outcomes. */
export interface Counterpart {
  kind?: EntityKind;
  value: string;
  count: number;
  success: number;
  failure: number;
  /** the entity's events with this counterpart */
  query: string;
}

export interface CounterpartGroup {
  field: string;
  /** plain words: "Users it tried", "Source IPs" */
  title: string;
  distinct: number;
  values: Counterpart[];
}

/** The Hayabusa logon-summary idea: logon events (action:logon) of the entity and how they went. */
export interface LogonSummary {
  total: number;
  success: number;
  failure: number;
  /** logon.type_name (Windows logon types) */
  types: FacetValue[];
  /** data.auth_method (sshd: password, publickey) */
  methods: FacetValue[];
}

export interface EntitySummary {
  kind: EntityKind;
  value: string;
  /** selects the entity's events: "show these events" runs it in the search view */
  query: string;
  total: number;
  firstSeen?: number;
  lastSeen?: number;
  outcomes: FilterValue[];
  /** the entity's events over time, split by outcome */
  activity: Histogram;
  logons: LogonSummary;
  counterparts: CounterpartGroup[];
  /** ports, apps, actions, event ids: only fields the entity's events carry */
  facets: { field: string; title: string; distinct: number; values: FilterValue[] }[];
  /** *.host.loc.* facets (GeoIP enrichment) when the case has them; empty otherwise */
  location: Facet[];
}

export interface GraphNode {
  /** `${kind}:${value}` */
  id: string;
  kind: EntityKind;
  value: string;
  /** events the node takes part in (as an edge end) */
  count: number;
  success: number;
  failure: number;
  /** layout position (force layout computed in the worker) and radius from the count */
  x: number;
  y: number;
  r: number;
  /** alerts of the case naming this entity (group value or host), and the highest severity among them */
  alerts?: number;
  alertSeverity?: Severity;
}

export interface GraphEdge { source: string; target: string; count: number; success: number; failure: number }

export interface Graph {
  query: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** before the node cap: "showing the top N of M" */
  totalNodes: number;
  totalEdges: number;
  /** events of the query that made at least one edge */
  events: number;
  layoutMs: number;
}

export type GraphResult = { ok: true; graph: Graph } | { ok: false; error: QueryError };

/** A series name (outcome value) -> the query term selecting it; "(other)" and "(none)" have none. */
export type SeriesQueries = Record<string, string>;

/** The mini-SIEM page, aggregated in the engine (every series small enough for one chart). */
export interface DashboardData {
  total: number;
  /** every event over time, split by outcome */
  events: Histogram;
  /** logon events (action:logon) over time, split by outcome */
  logons: Histogram;
  logonQuery: string;
  outcomeQueries: SeriesQueries;
  sourceIps: { field: string; distinct: number; values: FilterValue[] };
  /** accounts aimed at by logons */
  targetedUsers: { field: string; distinct: number; values: FilterValue[] };
  actions: { field: string; distinct: number; values: FilterValue[] };
  /** alerts over time split by severity, on the buckets of `events` (absent when the case has no alert) */
  alerts?: Histogram;
  /** init.host.loc.country when the case is enriched */
  countries?: { field: string; distinct: number; values: FilterValue[] };
}
