// Times in the user's display zone, always with the offset written out (UI.md: "times always show
// their zone"). Formatters are cached per zone: Intl.DateTimeFormat is costly to build.

export type TimeStyle = 'full' | 'minute' | 'tick';

const cache = new Map<string, Intl.DateTimeFormat>();
/** formatToParts is slow and charts format the same bucket starts again on every render */
const texts = new Map<string, string>();
const TEXTS_MAX = 20_000;

function formatter(zone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${zone}\u0000${withSeconds}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}), hourCycle: 'h23', timeZoneName: 'longOffset',
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * full: "2026-03-03 02:10:00 UTC+00:00"; minute: without seconds; tick: "03-03 02:10" (axis labels, the
 * chart's title carries the zone). An unknown zone falls back to UTC rather than throwing.
 */
export function formatInZone(ms: number, zone: string, style: TimeStyle = 'full'): string {
  if (!Number.isFinite(ms)) return '';
  const key = `${zone}\u0000${style}\u0000${ms}`;
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size >= TEXTS_MAX) texts.clear();
    text = format(ms, zone, style);
    texts.set(key, text);
  }
  return text;
}

function format(ms: number, zone: string, style: TimeStyle): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(zone, style === 'full').formatToParts(ms);
  } catch {
    if (zone === 'UTC') return new Date(ms).toISOString();
    return format(ms, 'UTC', style);
  }
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  const date = `${p('year')}-${p('month')}-${p('day')}`;
  const time = `${p('hour')}:${p('minute')}${style === 'full' ? `:${p('second')}` : ''}`;
  if (style === 'tick') return `${p('month')}-${p('day')} ${time}`;
  return `${date} ${time} ${zoneOffset(p('timeZoneName'))}`;
}

/** "GMT+01:00" -> "UTC+01:00", "GMT" -> "UTC+00:00". */
export function zoneOffset(name: string): string {
  const m = /^GMT([+-]\d\d:\d\d)?$/.exec(name);
  return m === null ? name : `UTC${m[1] ?? '+00:00'}`;
}

/** The zone's offset at that instant, for chart titles: "UTC+01:00". */
export function offsetAt(ms: number, zone: string): string {
  const full = formatInZone(Number.isFinite(ms) ? ms : Date.now(), zone, 'full');
  return full.slice(full.lastIndexOf(' ') + 1);
}
