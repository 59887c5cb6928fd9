// The threat-intelligence providers, registered in one place. A fourth network provider is one more file
// shaped like abuseipdb.ts (NetworkProvider: request, parse, limits, samples) added here and to
// PROVIDER_API_ORIGINS (origins.ts), which the relay, the fetch worker and the CSP read.
import { abuseipdb } from './abuseipdb.ts';
import { offlineList } from './offlineList.ts';
import type { NetworkProvider } from './types.ts';
import { virustotal } from './virustotal.ts';

export const NETWORK_PROVIDERS: readonly NetworkProvider[] = [abuseipdb, virustotal];
export const OFFLINE_PROVIDER = offlineList;

export function networkProvider(id: string): NetworkProvider | undefined {
  return NETWORK_PROVIDERS.find((p) => p.id === id);
}
