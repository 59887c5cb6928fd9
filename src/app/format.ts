// Display formatting shared by the views.

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** 1,234 — one shared formatter: toLocaleString builds a new one on every call (slow in long tables). */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** UTC time with milliseconds: what incident timelines are written in. */
export function formatTime(ts: unknown): string {
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return '';
  return new Date(ts).toISOString().replace('T', ' ').replace('Z', '');
}
