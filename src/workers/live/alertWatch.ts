// Which alerts a detection run added or grew since the previous run: what a live view or the CLI reports
// as it happens. Alert ids are deterministic (rule + group + window start), so a re-run over more events keeps
// an alert's id and only its count grows.
export interface AlertChange<A> { alert: A; change: 'new' | 'updated' }

export class AlertWatch<A extends { id: string; count: number }> {
  private readonly counts = new Map<string, number>();

  /** Takes the current alerts as seen without reporting them (those that were there before following began). */
  prime(alerts: readonly A[]): void {
    for (const a of alerts) this.counts.set(a.id, a.count);
  }

  diff(alerts: readonly A[]): AlertChange<A>[] {
    const out: AlertChange<A>[] = [];
    for (const a of alerts) {
      const before = this.counts.get(a.id);
      if (before === undefined) out.push({ alert: a, change: 'new' });
      else if (a.count > before) out.push({ alert: a, change: 'updated' });
      this.counts.set(a.id, a.count);
    }
    return out;
  }
}
