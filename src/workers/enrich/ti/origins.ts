// Where threat-intelligence requests may go: the providers' API origins and the local relay
// (`npm run --silent logdrop -- relay`, 127.0.0.1 only). One definition for the providers, the fetch worker
// (which refuses any other origin), the relay (which forwards only to these hosts) and the CSP of the fetch
// worker's script (scripts/csp.ts): the page and the other workers keep connect-src 'self'.
export const RELAY_PORT = 8377;
export const RELAY_ORIGIN = `http://127.0.0.1:${RELAY_PORT}`;

/** provider id -> its API origin (the only hosts the relay forwards to) */
export const PROVIDER_API_ORIGINS: Readonly<Record<string, string>> = {
  abuseipdb: 'https://api.abuseipdb.com',
  virustotal: 'https://www.virustotal.com',
};

/** Every origin a threat-intelligence request may go to. */
export const TI_ORIGINS: readonly string[] = [RELAY_ORIGIN, ...Object.values(PROVIDER_API_ORIGINS)];

/** The base URL a provider's requests start with: its API origin, or its path on the local relay. */
export function requestBase(providerId: string, via: 'direct' | 'relay'): string {
  const origin = PROVIDER_API_ORIGINS[providerId];
  if (origin === undefined) throw new Error(`unknown provider ${providerId}`);
  return via === 'relay' ? `${RELAY_ORIGIN}/${providerId}` : origin;
}

/** True when the URL goes to one of TI_ORIGINS (the fetch worker's check before every request). */
export function isAllowedTiUrl(url: string): boolean {
  try {
    return TI_ORIGINS.includes(new URL(url).origin);
  } catch {
    return false;
  }
}
