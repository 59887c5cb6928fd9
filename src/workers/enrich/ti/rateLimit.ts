// Spacing and quotas of one provider's requests: at most perMinute requests a minute (evenly spaced), at most
// perDay a UTC day from this browser (counted in catalog settings `ti.used.<id>`), the provider's own
// "remaining" when it says so, and a pause after a 429 (its Retry-After, else doubling from a minute).
import { getGlobalSetting, setGlobalSetting } from '../../store/catalog.ts';

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class RateLimiter {
  private lastSentMs = -Infinity;
  private pausedUntil = 0;
  private backoffMs = 0;
  private day = '';
  private used = 0;
  /** what the provider last said is left today */
  providerLeft: number | undefined;

  constructor(readonly providerId: string, readonly perMinute: number, readonly perDay: number, private readonly persist = true) {}

  async load(nowMs: number): Promise<void> {
    const kept = this.persist ? await getGlobalSetting<{ day: string; count: number }>(`ti.used.${this.providerId}`) : undefined;
    this.rollDay(nowMs);
    if (kept !== undefined && kept.day === this.day) this.used = Math.max(this.used, kept.count);
  }

  private rollDay(nowMs: number): void {
    const d = dayOf(nowMs);
    if (d !== this.day) {
      this.day = d;
      this.used = 0;
      this.providerLeft = undefined;
    }
  }

  usedToday(nowMs: number): number {
    this.rollDay(nowMs);
    return this.used;
  }

  /** Requests still allowed today. */
  left(nowMs: number): number {
    this.rollDay(nowMs);
    const own = Math.max(0, this.perDay - this.used);
    return this.providerLeft === undefined ? own : Math.min(own, this.providerLeft);
  }

  /** How long to wait before the next request may go (0: now). */
  delay(nowMs: number): number {
    const spacing = 60_000 / this.perMinute;
    return Math.max(0, this.lastSentMs + spacing - nowMs, this.pausedUntil - nowMs);
  }

  async sent(nowMs: number): Promise<void> {
    this.rollDay(nowMs);
    this.lastSentMs = nowMs;
    this.used++;
    if (this.persist) await setGlobalSetting(`ti.used.${this.providerId}`, { day: this.day, count: this.used });
  }

  /** A 429: pause for retryAfterMs when the provider says, else back off (1, 2, 4 … minutes, at most 15). */
  limited(nowMs: number, retryAfterMs: number | undefined): number {
    this.backoffMs = retryAfterMs ?? Math.min(15 * 60_000, this.backoffMs === 0 ? 60_000 : this.backoffMs * 2);
    this.pausedUntil = nowMs + this.backoffMs;
    return this.backoffMs;
  }

  answered(quotaLeft: number | undefined): void {
    this.backoffMs = 0;
    if (quotaLeft !== undefined) this.providerLeft = quotaLeft;
  }
}
