// The read side of the open case as EngineApi serves it: sliced and cancellable queries, pages, facets,
// series, the event detail and its surroundings, entity pages, the dashboard and the graph (the last two with
// the case's alerts laid over them). Results are handles and small aggregates, never the dataset.
import type { EngineApi } from '../api.ts';
import type { CaseAlerts } from '../alerts/caseAlerts.ts';
import { alertsByEntity, alertsOverTime } from '../alerts/alertsBy.ts';
import { forceLayout } from '../graph/forceLayout.ts';
import { aliasList } from './aliases.ts';
import type { QueryEngine } from './engine.ts';

type ViewOps = Pick<EngineApi, 'query' | 'cancelQuery' | 'page' | 'facets' | 'histogram' | 'fieldCatalog' | 'aliases' | 'event' | 'surrounding' | 'entitySummary' | 'dashboard' | 'graph' | 'release'>;

/**
 * `current` gives the open case (it throws when none is open), `opened` the same or undefined. Values are the
 * stored ones: while Redact is on, the engine puts redact/views.ts between these and the UI.
 */
export function createViewOps(current: () => { query: QueryEngine; alerts: CaseAlerts }, opened: () => { query: QueryEngine } | undefined): ViewOps {
  /** the query being evaluated (in slices); a newer query or cancelQuery sets cancelled */
  let running: { runId?: number; cancelled: boolean } | undefined;
  return {
    async query(text, options = {}, onProgress) {
      const c = current();
      if (running !== undefined) running.cancelled = true; // the newest query wins: the UI shows only its answer
      const run = (running = { runId: options.runId, cancelled: false });
      let last = 0;
      try {
        return await c.query.querySliced(text, {
          cancelled: () => run.cancelled,
          progress(done, total) {
            const t = performance.now();
            if (onProgress === undefined || t - last < 100) return;
            last = t;
            void onProgress({ runId: run.runId, done, total });
          },
        }, options);
      } finally {
        if (running === run) running = undefined;
      }
    },
    async cancelQuery(runId) {
      if (running !== undefined && running.runId === runId) running.cancelled = true;
    },
    async page(handle, offset, limit, sort) {
      return current().query.page(handle, offset, limit, sort);
    },
    async facets(handle, fields, topN, options) {
      return current().query.facets(handle, fields, topN, options);
    },
    async histogram(handle, buckets, splitField) {
      return current().query.histogram(handle, buckets, splitField);
    },
    async fieldCatalog() {
      return current().query.fieldCatalog();
    },
    async aliases() {
      return aliasList();
    },
    async event(row) {
      return current().query.event(row);
    },
    async surrounding(row, n, sameFile, withinMs) {
      const within = withinMs === undefined || !(withinMs >= 0) ? undefined : withinMs;
      return current().query.surrounding(row, Math.min(Math.max(0, Math.floor(n)), 500), sameFile, within);
    },
    async entitySummary(kind, value, buckets) {
      return current().query.entitySummary(kind, value, buckets);
    },
    async dashboard(buckets) {
      const c = current();
      const d = c.query.dashboard(buckets);
      const alerts = c.alerts.list().alerts;
      return alerts.length === 0 ? d : { ...d, alerts: alertsOverTime(alerts, d.events) };
    },
    async graph(text, options) {
      const c = current();
      const r = c.query.graph(text, options.nodeCap);
      if (!r.ok) return r;
      const t0 = performance.now();
      const laid = forceLayout(r.value.nodes, r.value.edges);
      const layoutMs = Math.round(performance.now() - t0);
      const byEntity = alertsByEntity(c.alerts.list().alerts);
      const nodes = laid.map((n) => {
        const a = byEntity.get(n.id);
        return a === undefined ? n : { ...n, alerts: a.count, alertSeverity: a.severity };
      });
      return { ok: true, graph: { query: text, ...r.value, nodes, layoutMs } };
    },
    async release(handle) {
      // a handle of a case closed since (deleted in another tab) went with it: the page's late release is not an error
      opened()?.query.release(handle);
    },
  };
}
