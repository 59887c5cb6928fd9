// Times in the user's zone for the alerts view (the shell's zone setting), and the severity order.
import type { Severity } from '../../../workers/api.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatAt(ts: number, timeZone: string): string {
  if (!Number.isFinite(ts)) return 'no time';
  let f = formats.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    } catch {
      f = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    }
    formats.set(timeZone, f);
  }
  return f.format(ts);
}

/** Most severe first. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'informational'];
