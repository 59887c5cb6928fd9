// Display formatting shared by the views.

// one formatter: Number.prototype.toLocaleString builds a new one per call (a profile of a 300-member
// archive spent a second of main-thread time there, rendering file rows on every progress report)
const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return COUNT.format(n);
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
