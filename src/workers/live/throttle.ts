// At most one message per rule per window (a minute): an alert storm from one rule becomes one notification
// or webhook post, and the next one says how many were held back. Used by the CLI's --webhook and by the
// engine for browser notifications.
import { SEVERITIES, type Severity } from '../../detect/types.ts';

export interface Throttled<T> { item: T; suppressed: number }

export class RuleThrottle<T extends { ruleId: string }> {
  private readonly last = new Map<string, { at: number; held: number }>();

  constructor(private readonly windowMs = 60_000, private readonly now: () => number = Date.now) {}

  /** The item to send now (with how many of its rule were held back since the last send), or undefined: held. */
  offer(item: T): Throttled<T> | undefined {
    const t = this.now();
    const s = this.last.get(item.ruleId);
    if (s !== undefined && t - s.at < this.windowMs) {
      s.held++;
      return undefined;
    }
    const suppressed = s?.held ?? 0;
    this.last.set(item.ruleId, { at: t, held: 0 });
    return { item, suppressed };
  }
}

/** severity at or above `min` (informational < low < medium < high < critical) */
export function atLeast(severity: string, min: Severity): boolean {
  return SEVERITIES.indexOf(severity as Severity) >= SEVERITIES.indexOf(min);
}
