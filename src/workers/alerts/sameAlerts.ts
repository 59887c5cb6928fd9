// Whether a detection run found exactly the alerts the case already stores. Reopening a case re-runs every
// detector over the rebuilt index; when nothing changed (the usual reopen) rewriting the stored alerts (one
// IndexedDB put each: ~30,000 after a 1M-line auth.log) was a large part of the reopen, for nothing.
import type { Alert } from '../../detect/types.ts';

/** Plain data (what an alert holds: strings, numbers, arrays, plain objects) compared by value. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** The run's alerts are the stored ones: same ids, each equal in every property. */
export function sameAlerts(run: readonly Alert[], stored: ReadonlyMap<string, Alert>): boolean {
  if (run.length !== stored.size) return false;
  for (const a of run) {
    const s = stored.get(a.id);
    if (s === undefined || !sameValue(a, s)) return false;
  }
  return true;
}

/**
 * What a re-run of some rules changed against their alerts before: ids gone, and alerts new or different.
 * A parameter move keeps most of a detector's alerts as they were: only the rest is written.
 */
export function alertChanges(run: readonly Alert[], before: readonly Alert[]): { removed: string[]; written: Alert[] } {
  const old = new Map(before.map((a) => [a.id, a]));
  const written: Alert[] = [];
  for (const a of run) {
    const o = old.get(a.id);
    if (o === undefined || !sameValue(a, o)) written.push(a);
    old.delete(a.id);
  }
  return { removed: [...old.keys()], written };
}
