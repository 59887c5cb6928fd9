// What the engine pushes or proposes while Redact is on, redacted like the views (views.ts): ingest progress
// rows (the files panel shows them before the ledger is read again), a re-read file's row, the duplicate
// question, live-follow updates (changed paths, new alerts and the notifications asked for) and the followed
// files, the threat-intel lookup plan (the addresses shown for confirmation; what is sent stays the plan's
// originals, kept in the engine) and the lookup audit with its CSV. Webhook posts are redacted where they are
// made (live/liveOps.ts asks `shownAlerts`). With Redact off every call passes through.
import type { AlertItem, DuplicateQuestion, EngineApi, IngestProgress, TiAuditRow } from '../api.ts';
import type { LiveUpdate } from '../api/live.ts';
import type { Redactor } from './redactor.ts';
import { redactedAlertItem } from './alerts.ts';
import { redactedLedgerEntry } from './views.ts';
import { auditCsv } from '../enrich/ti/audit.ts';

type Pushed = Pick<EngineApi, 'ingest' | 'reingestFile' | 'watchLive' | 'followStatus' | 'planTiLookup' | 'tiAudit' | 'exportTiAudit'>;

export interface RedactedPushesHost {
  /**
   * the open case's redactor while Redact is on, with the case's account and host values already numbered
   * (redact/seed.ts), so paths naming them are redacted
   */
  redactor(): Redactor | undefined;
}

/** Text (a path, a change's detail) with addresses and the case's account and host names replaced. */
export function shownPath(s: string, red: Redactor): string {
  return red.names(red.text(s), red.knownWords());
}

/** Alerts as the alerts view shows them (webhook posts and live updates). */
export function shownAlerts(alerts: readonly AlertItem[], red: Redactor | undefined): AlertItem[] {
  return red === undefined ? [...alerts] : alerts.map((a) => redactedAlertItem(a, red));
}

/** A live update's file changes as shown (its alerts come redacted from liveOps through shownAlerts). */
export function redactedLiveUpdate(u: LiveUpdate, red: Redactor): LiveUpdate {
  return { ...u, changes: u.changes.map((c) => ({ ...c, path: shownPath(c.path, red), detail: shownPath(c.detail, red) })) };
}

/** the lookup audit as shown: the addresses sent, and notes that name them, in pseudonyms */
function shownAudit(rows: readonly TiAuditRow[], red: Redactor): TiAuditRow[] {
  return rows.map((row) => ({
    ...row, ip: row.ip === '' ? '' : String(red.value('init.host.ip', row.ip)),
    ...(row.note !== undefined ? { note: shownPath(row.note, red) } : {}),
  }));
}

export function redactedPushes(base: Pushed, host: RedactedPushesHost): Pushed {
  const red = host.redactor;
  const progress = (p: IngestProgress): IngestProgress => {
    const r = red();
    return r === undefined ? p : { ...p, files: p.files.map((e) => redactedLedgerEntry(e, r)) };
  };
  const question = (q: DuplicateQuestion): DuplicateQuestion => {
    const r = red();
    return r === undefined ? q : { ...q, path: shownPath(q.path, r), existingPath: shownPath(q.existingPath, r) };
  };
  return {
    async ingest(files, options, onProgress, onDuplicate) {
      const done = await base.ingest(files, options, (p) => onProgress(progress(p)), onDuplicate === undefined ? undefined : (q) => onDuplicate(question(q)));
      return progress(done);
    },
    async reingestFile(fileId, options, file) {
      const r = await base.reingestFile(fileId, options, file);
      const rr = red();
      return !r.ok || rr === undefined ? r : { ...r, file: redactedLedgerEntry(r.file, rr) };
    },
    async watchLive(onUpdate) {
      return base.watchLive((u) => {
        const r = red();
        onUpdate(r === undefined ? u : redactedLiveUpdate(u, r));
      });
    },
    async followStatus() {
      const s = await base.followStatus();
      const r = red();
      return r === undefined ? s : {
        ...s, files: s.files.map((f) => ({ ...f, path: shownPath(f.path, r) })),
        ...(s.problem !== undefined ? { problem: shownPath(s.problem, r) } : {}),
      };
    },
    async planTiLookup(providerId, via, limit) {
      const p = await base.planTiLookup(providerId, via, limit);
      const r = red();
      // shown for confirmation in pseudonyms; runTiLookup(plan.id) sends the originals the engine kept
      return r === undefined || 'error' in p ? p : { ...p, ips: p.ips.map((ip) => String(r.value('init.host.ip', ip))) };
    },
    async tiAudit() {
      const rows = await base.tiAudit();
      const r = red();
      return r === undefined ? rows : shownAudit(rows, r);
    },
    async exportTiAudit() {
      const r = red();
      if (r === undefined) return base.exportTiAudit();
      return new Blob([auditCsv(shownAudit(await base.tiAudit(), r))], { type: 'text/csv' });
    },
  };
}
