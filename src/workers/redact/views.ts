// The read side of EngineApi as the user sees it while Redact is on: one Redactor (the open case's) between the
// views and the engine, in both directions. Out: every log value, list, chart series, graph node, entity page,
// ledger row and engine-written query text carries pseudonyms. In: whatever the user sends back (typed or
// clicked queries, an entity page's value, an alert filter) names pseudonyms and is put back to the originals
// here, before the engine sees it; the originals are never returned. With Redact off every call passes through.
import type { AlertFilter, DashboardData, EngineApi, EntityKind, EntitySummary, EventRow, FileLedgerEntry, FilterValue, Graph, QueryError } from '../api.ts';
import type { Redactor } from './redactor.ts';
import { alertWords, redactedAlertItem } from './alerts.ts';
import { storedToShown, typedToStored, type Translated } from './queryText.ts';
import { ledgerCsv } from '../export/ledger-csv.ts';
import { ledgerJson } from '../export/ledger-json.ts';

type Redacted = Pick<EngineApi, 'query' | 'page' | 'facets' | 'histogram' | 'fieldCatalog' | 'event' | 'surrounding' | 'entitySummary' | 'dashboard' | 'graph' | 'alerts' | 'setAlertState' | 'alertMessage' | 'testSigmaRule' | 'ledger' | 'ledgerPage' | 'exportLedger' | 'tiOfIp'>;

/** The field whose pseudonyms an entity of this kind shows (the same numbering as that field's column). */
export const ENTITY_FIELD: Record<EntityKind, string> = { ip: 'init.host.ip', user: 'target.usr.name', host: 'obs.host.name' };

export interface RedactedViewsHost {
  /** the open case's redactor while Redact is on */
  redactor(): Redactor | undefined;
  /** the open case's name (the ledger JSON names it) */
  caseName(): string;
  /**
   * gives every account and host value of the case's fields its pseudonym (once per value), so text that names
   * accounts outside its own event (alert messages, field samples) can be redacted
   */
  seedNames?(red: Redactor): void;
}

/**
 * A ledger row as it may be shown: paths, messages and problems with the addresses in them replaced, and the
 * case's account and host names (collected logs sit in folders named after their host: logs/web02/auth.log).
 */
export function redactedLedgerEntry(e: FileLedgerEntry, red: Redactor): FileLedgerEntry {
  const words = red.knownWords();
  const t = (s: string) => red.names(red.text(s), words);
  return {
    ...e, path: t(e.path),
    ...(e.nameInArchive !== undefined ? { nameInArchive: t(e.nameInArchive) } : {}),
    ...(e.message !== undefined ? { message: t(e.message) } : {}),
    issues: e.issues.map((i) => ({ ...i, reason: t(i.reason) })),
  };
}

export function redactedViews(base: Redacted, host: RedactedViewsHost): Redacted {
  const events = (rows: EventRow[], red: Redactor): EventRow[] => rows.map((e) => ({ ...e, fields: red.event(e.fields) }));
  /** one value of a field as shown; text fields (col.file) also lose the case's account and host names */
  const shownValue = (field: string, v: string, red: Redactor): string =>
    (red.kindOf(field) === 'text' ? red.names(red.text(v), red.knownWords()) : String(red.value(field, v)));
  const filterValues = (field: string, values: FilterValue[], red: Redactor): FilterValue[] =>
    values.map((v) => ({ ...v, value: shownValue(field, v.value, red), query: storedToShown(v.query, red) }));
  const entityValue = (kind: EntityKind, value: string, red: Redactor): string => String(red.value(ENTITY_FIELD[kind], value));
  const stored = (value: string, red: Redactor): string => red.original(value) ?? value;
  const typedError = (e: QueryError, t: Translated): QueryError => ({ ...e, message: t.typedMessage(e.message), position: t.typedPos(e.position) });
  /** ledger rows as shown: redacted while Redact is on (the whole ledger, or a page of it) */
  const redactedRows = (rows: FileLedgerEntry[]): FileLedgerEntry[] => {
    const red = host.redactor();
    if (red === undefined) return rows;
    host.seedNames?.(red);
    return rows.map((e) => redactedLedgerEntry(e, red));
  };

  return {
    async query(text, options, onProgress) {
      const red = host.redactor();
      if (red === undefined) return base.query(text, options, onProgress);
      const t = typedToStored(text, red);
      const r = await base.query(t.text, options, onProgress);
      if (!r.ok) return { ...r, error: typedError(r.error, t) };
      const warnings = r.handle.warnings?.map((w) => typedError(w, t));
      return { ok: true, handle: { ...r.handle, ...(warnings !== undefined ? { warnings } : {}) } };
    },
    async page(handle, offset, limit, sort) {
      const rows = await base.page(handle, offset, limit, sort);
      const red = host.redactor();
      return red === undefined ? rows : events(rows, red);
    },
    async event(row) {
      const e = await base.event(row);
      const red = host.redactor();
      return e === undefined || red === undefined ? e : events([e], red)[0];
    },
    async surrounding(row, n, sameFile, withinMs) {
      const rows = await base.surrounding(row, n, sameFile, withinMs);
      const red = host.redactor();
      return red === undefined ? rows : events(rows, red);
    },
    async facets(handle, fields, topN, options) {
      const facets = await base.facets(handle, fields, topN, options);
      const red = host.redactor();
      if (red === undefined) return facets;
      host.seedNames?.(red);
      return facets.map((f) => ({ ...f, values: f.values.map((v) => ({ ...v, value: shownValue(f.field, v.value, red) })) }));
    },
    async histogram(handle, buckets, splitField) {
      const h = await base.histogram(handle, buckets, splitField);
      const red = host.redactor();
      if (red === undefined || splitField === undefined) return h;
      return {
        ...h,
        buckets: h.buckets.map((b) => {
          if (b.split === undefined) return b;
          const split = Object.create(null) as Record<string, number>;
          for (const [k, n] of Object.entries(b.split)) split[String(red.value(splitField, k))] = n;
          return { ...b, split };
        }),
      };
    },
    async fieldCatalog() {
      const cat = await base.fieldCatalog();
      const red = host.redactor();
      if (red === undefined) return cat;
      host.seedNames?.(red);
      const words = red.knownWords(); // samples have no event of their own: every account and host name
      return cat.map((f) => ({ ...f, samples: f.samples.map((s) => String(red.value(f.field, s, words))) }));
    },
    async entitySummary(kind, value, buckets) {
      const red = host.redactor();
      if (red === undefined) return base.entitySummary(kind, value, buckets);
      const s: EntitySummary = await base.entitySummary(kind, stored(value, red), buckets);
      host.seedNames?.(red);
      return {
        ...s,
        value: s.total === 0 ? value : entityValue(kind, s.value, red),
        query: storedToShown(s.query, red),
        outcomes: s.outcomes.map((o) => ({ ...o, query: storedToShown(o.query, red) })),
        counterparts: s.counterparts.map((g) => ({ ...g, values: g.values.map((v) => ({ ...v, value: String(red.value(g.field, v.value)), query: storedToShown(v.query, red) })) })),
        facets: s.facets.map((f) => ({ ...f, values: filterValues(f.field, f.values, red) })),
        location: s.location.map((f) => ({ ...f, values: f.values.map((v) => ({ ...v, value: String(red.value(f.field, v.value)) })) })),
      };
    },
    async dashboard(buckets) {
      const d = await base.dashboard(buckets);
      const red = host.redactor();
      if (red === undefined) return d;
      const list = (l: DashboardData['sourceIps']): DashboardData['sourceIps'] => ({ ...l, values: filterValues(l.field, l.values, red) });
      return {
        ...d, sourceIps: list(d.sourceIps), targetedUsers: list(d.targetedUsers), actions: list(d.actions),
        ...(d.countries !== undefined ? { countries: list(d.countries) } : {}),
      };
    },
    async graph(text, options) {
      const red = host.redactor();
      if (red === undefined) return base.graph(text, options);
      const t = typedToStored(text, red);
      const r = await base.graph(t.text, options);
      if (!r.ok) return { ...r, error: typedError(r.error, t) };
      const ids = new Map<string, string>();
      const nodes = r.graph.nodes.map((n) => {
        const value = entityValue(n.kind, n.value, red);
        const id = `${n.kind}:${value}`;
        ids.set(n.id, id);
        return { ...n, id, value };
      });
      const edges = r.graph.edges.map((e) => ({ ...e, source: ids.get(e.source) ?? e.source, target: ids.get(e.target) ?? e.target }));
      const graph: Graph = { ...r.graph, query: text, nodes, edges };
      return { ok: true, graph };
    },
    async alerts(filter?: AlertFilter) {
      const red = host.redactor();
      if (red === undefined) return base.alerts(filter);
      const f: AlertFilter | undefined = filter === undefined ? undefined : {
        ...filter,
        ...(filter.entity !== undefined ? { entity: { ...filter.entity, value: stored(filter.entity.value, red) } } : {}),
        ...(filter.host !== undefined ? { host: stored(filter.host, red) } : {}),
        ...(filter.text !== undefined ? { text: red.untext(filter.text) } : {}),
      };
      const list = await base.alerts(f);
      if (list.alerts.length > 0) host.seedNames?.(red);
      return { ...list, alerts: list.alerts.map((a) => redactedAlertItem(a, red)) };
    },
    async setAlertState(id, state) {
      const red = host.redactor();
      if (red === undefined) return base.setAlertState(id, state);
      const stored = red.untext(id);
      const s = await base.setAlertState(stored, state);
      return { ...s, id };
    },
    async alertMessage(id, format) {
      const red = host.redactor();
      if (red === undefined) return base.alertMessage(id, format);
      const stored = red.untext(id);
      const text = await base.alertMessage(stored, format);
      host.seedNames?.(red);
      const a = (await base.alerts()).alerts.find((x) => x.id === stored);
      return red.names(red.text(text, a === undefined ? undefined : alertWords(a, red)), red.knownWords());
    },
    async testSigmaRule(text, limit) {
      const r = await base.testSigmaRule(text, limit);
      const red = host.redactor();
      if (red === undefined) return r;
      host.seedNames?.(red);
      const words = red.knownWords();
      return {
        ...r,
        matches: r.matches.map((m) => ({
          ...m, message: red.text(m.message, words),
          fields: m.fields.map((f) => (f.value === undefined ? f : { ...f, value: String(red.value(f.column ?? f.field, f.value)) })),
        })),
        alerts: r.alerts.map((a) => ({ ...a, message: red.text(a.message, words) })),
      };
    },
    async ledger() {
      return redactedRows(await base.ledger());
    },
    async ledgerPage(afterId, limit) {
      return redactedRows(await base.ledgerPage(afterId, limit));
    },
    async exportLedger(format) {
      const red = host.redactor();
      if (red === undefined) return base.exportLedger(format);
      host.seedNames?.(red);
      const files = (await base.ledger()).map((e) => redactedLedgerEntry(e, red));
      return format === 'csv'
        ? new Blob([ledgerCsv(files)], { type: 'text/csv;charset=utf-8' })
        : new Blob([ledgerJson(host.caseName(), files, Date.now())], { type: 'application/json' });
    },
    async tiOfIp(ip) {
      const red = host.redactor();
      if (red === undefined) return base.tiOfIp(ip);
      const info = await base.tiOfIp(stored(ip, red));
      // the providers' pages name the original address in their URL: not offered while redacted
      return { ...info, ip, links: [] };
    },
  };
}
