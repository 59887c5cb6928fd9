// `logdrop follow [--rules PATH]... [--alerts-only] [--interval S] [--webhook URL] PATH...`: tail -f for log
// files and folders. Every poll reads only what was appended (the Follower, src/workers/live), through the same
// ingest as `normalize`, into one query index; the built-in detectors and the given Sigma rules run again
// after every poll that brought events, and alerts that are new or grew are printed as they happen.
// stdout: one JSON line per new event ({"event": ...} is not used: the line is the normalized event, as in
// `normalize`) and per alert change (the `detect` shape plus "alert.change": "new" | "updated").
// stderr: what happened to files (new, rotated, truncated, renamed, deleted), webhook posts, and the summary
// when stopped (Ctrl-C / SIGTERM).
import type { Writable } from 'node:stream';
import { existsSync } from 'node:fs';
import type { Alert, Severity } from '../detect/types.ts';
import { SEVERITIES } from '../detect/types.ts';
import { runDetectors } from '../detect/index.ts';
import { loadRules, runSigma } from '../detect/sigma/index.ts';
import type { IngestOptions } from '../workers/api.ts';
import { caseTable } from '../workers/query/eventTable.ts';
import { createQueryEngine } from '../workers/query/engine.ts';
import { eventAt } from '../workers/chunk/chunk.ts';
import { canonicalOrder } from '../core/schema.ts';
import { Follower } from '../workers/live/follower.ts';
import { AlertWatch } from '../workers/live/alertWatch.ts';
import { RuleThrottle } from '../workers/live/throttle.ts';
import { webhookBody } from '../workers/alerts/alertMessage.ts';
import type { FileLedgerEntry } from '../workers/api.ts';
import { NodeFollowFs } from './followFs.ts';
import { readRuleFiles } from './ruleFiles.ts';
import { alertLine } from './detect.ts';
import { write } from './normalize.ts';
import { jsonLine, terminalText } from './terminal.ts';

export interface FollowOptions extends IngestOptions {
  rules: string[];
  alertsOnly: boolean;
  /** seconds between polls */
  interval: number;
  webhook?: { url: string; kind: 'slack' | 'json' };
  /** stops the follow (SIGINT in main.ts; tests abort it) */
  signal: AbortSignal;
}

export interface FollowRun { code: number; events: number; unparsed: number; alerts: number; rows: FileLedgerEntry[] }

export async function follow(paths: string[], options: FollowOptions, out: Writable, err: Writable): Promise<FollowRun> {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    err.write(`logdrop: no such file or folder: ${missing.map(terminalText).join(', ')}\n`);
    return { code: 2, events: 0, unparsed: 0, alerts: 0, rows: [] };
  }
  const rules = options.rules.length > 0 ? loadRules(readRuleFiles(options.rules)) : undefined;
  const engine = createQueryEngine();
  const table = caseTable(engine.index);
  const rows = new Map<number, FileLedgerEntry>();
  let nextId = 1;
  let text = '';
  const follower = new Follower(new NodeFollowFs(paths), {
    addFile: async () => nextId++,
    updateFile: async (row) => { rows.set(row.id, row); },
    chunk: async (chunk) => {
      engine.addChunk(chunk);
      if (options.alertsOnly) return;
      for (let r = 0; r < chunk.count; r++) text += jsonLine(canonicalOrder(eventAt(chunk, r))) + '\n';
    },
  }, { parserId: options.parserId, tzOffsetMinutes: options.tzOffsetMinutes, signal: options.signal });
  const watch = new AlertWatch<Alert>();
  const throttle = new RuleThrottle<Alert>();
  const totals = { events: 0, unparsed: 0, alerts: 0, polls: 0, changes: new Map<string, number>(), posts: 0, failedPosts: 0 };
  const bySeverity = new Map<Severity, number>();
  err.write(`following ${paths.map(terminalText).join(', ')} every ${options.interval} s; Ctrl-C stops\n`);
  while (!options.signal.aborted) {
    const report = await follower.poll();
    totals.polls++;
    for (const c of report.changes) {
      totals.changes.set(c.kind, (totals.changes.get(c.kind) ?? 0) + 1);
      err.write(`${c.kind}: ${terminalText(c.path)}: ${terminalText(c.detail)}\n`);
    }
    totals.events += report.events;
    totals.unparsed += report.unparsed;
    if (report.events + report.unparsed > 0) {
      const { alerts: builtin } = runDetectors(table);
      const alerts = rules === undefined ? builtin : [...builtin, ...runSigma(rules, table).alerts];
      for (const { alert, change } of watch.diff(alerts.sort((a, b) => a.ts - b.ts || a.id.localeCompare(b.id)))) {
        if (change === 'new') {
          totals.alerts++;
          bySeverity.set(alert.severity, (bySeverity.get(alert.severity) ?? 0) + 1);
        }
        text += jsonLine({ ...alertLine(table, alert), 'alert.change': change }) + '\n';
        if (options.webhook !== undefined) {
          const send = throttle.offer(alert);
          if (send !== undefined) void post(options.webhook, send.item, send.suppressed, err, totals);
        }
      }
    }
    if (text !== '') {
      await write(out, text);
      text = '';
    }
    await sleep(options.interval * 1000, options.signal);
  }
  const sev = [...SEVERITIES].reverse().filter((s) => bySeverity.has(s)).map((s) => `${bySeverity.get(s)} ${s}`).join(', ');
  const changes = [...totals.changes].map(([k, n]) => `${n} ${k}`).join(', ');
  const list = [...rows.values()];
  err.write(`stopped after ${totals.polls} polls: ${totals.events} events, ${totals.unparsed} unparsed from ${list.length} file rows; `
    + `${totals.alerts} alerts${sev === '' ? '' : ` (${sev})`}${changes === '' ? '' : `; files: ${changes}`}`
    + `${options.webhook === undefined ? '' : `; webhook: ${totals.posts} posted, ${totals.failedPosts} failed`}\n`);
  const states = new Map(follower.states().map((st) => [st.fileId, st]));
  for (const r of list) {
    const st = states.get(r.id);
    const waiting = st !== undefined && st.pendingBytes > 0 ? `\tpartial-line=${st.pendingBytes} bytes (not read: no newline yet)` : '';
    err.write(`  ${terminalText(r.path)}\tlines=${st?.lines ?? 0}\tbytes=${r.bytesRead}\tevents=${r.events}\tunparsed=${r.unparsed}\tstate=${st?.stopped ?? 'followed'}${waiting}\n`);
  }
  return { code: 0, events: totals.events, unparsed: totals.unparsed, alerts: totals.alerts, rows: list };
}

/** Posts one alert (Node is not bound by a page's CSP or CORS); every post and its answer go to stderr. */
async function post(hook: { url: string; kind: 'slack' | 'json' }, a: Alert, suppressed: number, err: Writable, totals: { posts: number; failedPosts: number }): Promise<void> {
  const origin = new URL(hook.url).origin; // the path of a Slack webhook is its secret: never printed
  try {
    const res = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: webhookBody(a, hook.kind, { suppressed }), signal: AbortSignal.timeout(10_000) });
    totals.posts++;
    err.write(`webhook: ${a.ruleId} -> ${origin} ${res.status}\n`);
  } catch (e) {
    totals.failedPosts++;
    err.write(`webhook: ${a.ruleId} -> ${origin} failed: ${terminalText(e instanceof Error ? e.message : String(e))}\n`);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
