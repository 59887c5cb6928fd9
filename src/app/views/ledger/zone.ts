// The zone field of the ledger: "+02:00" <-> minutes east of UTC. Written here, not imported from core/time,
// because the app takes only types from core (DESIGN layout table); the engine only ever receives minutes.

/** "+02:00", "+0200", "+02", "-05:30", "Z", "UTC" -> minutes east of UTC; undefined when not a zone. */
export function parseZone(text: string): number | undefined {
  const t = text.trim();
  if (t === 'Z' || t === 'z' || t.toUpperCase() === 'UTC') return 0;
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(t);
  if (m === null) return undefined;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[3] ?? 0) > 59 || mins > 14 * 60) return undefined;
  return m[1] === '-' ? -mins : mins;
}

export function formatZone(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
