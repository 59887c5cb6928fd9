// The one origin a webhook may reach: parsed from the URL the user gave, and written into the webhook worker's
// CSP by the server (scripts/csp.ts) from a query parameter, so it is checked strictly there: scheme http(s),
// a plain host name, IPv4 or bracketed IPv6, an optional port, nothing else (no user:password, no characters
// that could end a CSP directive or add a source).
const ORIGIN = /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** The value when it is exactly an origin as URL.origin writes it (lower case, no path), else undefined. */
export function webhookOrigin(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.length > 300 || !ORIGIN.test(value)) return undefined;
  try {
    return new URL(value).origin === value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The origin of a webhook URL the user typed, or why it cannot be one. */
export function parseWebhookUrl(url: string): { ok: true; origin: string } | { ok: false; error: string } {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return { ok: false, error: 'This is not a URL (it must start with https:// or http://).' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, error: 'A webhook URL starts with https:// (or http:// for a receiver on this machine).' };
  if (u.username !== '' || u.password !== '') return { ok: false, error: 'A webhook URL with a user name or password is refused.' };
  const origin = webhookOrigin(u.origin);
  if (origin === undefined) return { ok: false, error: 'This host name cannot be allowed by the page\'s security policy.' };
  return { ok: true, origin };
}

/** Slack's incoming webhooks answer no CORS preflight: a browser cannot post to them (the CLI can). */
export function refusesBrowsers(origin: string): boolean {
  return /^https:\/\/hooks\.slack(?:-gov)?\.com$/.test(origin);
}
