// The case hand-over file, version 1: UTF-8 text, one JSON record per line ('\n').
//   line 1   {"format":"logdrop-case","version":1}
//   then     {"t":"case",...} {"t":"file",...}* {"t":"setting",...}* {"t":"alert",...}* {"t":"alertState",...}*
//            {"t":"chunk",...}* {"t":"cache",...}*        (values through codec.ts: typed arrays as base64)
//   last     {"t":"end","records":N,"sha256":"<hex>"}      SHA-256 of every byte before this line
// Nothing is written that depends on when or where it is written, so export -> import -> export is byte-identical.

export const HANDOVER_FORMAT = 'logdrop-case';
export const HANDOVER_VERSION = 1;
/** also written in the cases panel's file picker (src/app may use only types of the workers) */
export const HANDOVER_EXTENSION = '.logdrop-case';
export const HANDOVER_MIME = 'application/x-ndjson';

export type HandoverRecord =
  | { t: 'case'; id: string; name: string; createdMs: number }
  | { t: 'file'; row: unknown }
  | { t: 'setting'; key: string; value: unknown }
  | { t: 'alert'; alert: unknown }
  | { t: 'alertState'; state: unknown }
  | { t: 'chunk'; chunk: unknown }
  /** catalog `ti.cache.<provider>` records of the case's addresses (the enrichment cache) */
  | { t: 'cache'; key: string; records: unknown[] };

export interface HandoverTrailer { t: 'end'; records: number; sha256: string }

/** A refused file: the message is for the user as it stands. */
export class HandoverError extends Error {
  override name = 'HandoverError';
}

/**
 * Settings never written to a hand-over, whatever store they are in: API keys (catalog `ti.key.*`), the live
 * webhook (its URL is a secret), and by name anything that looks like a credential.
 */
export function isSecretSetting(key: string): boolean {
  return key.startsWith('ti.key.') || key.startsWith('live.webhook') || /(^|[._-])(key|apikey|secret|token|password|webhook)s?($|[._-])/i.test(key);
}

/**
 * Case settings that only make sense on this machine, left out of the file: `live.follow` holds the
 * followed folders' FileSystem handles (they cannot be written, and another machine has other folders).
 */
export function isMachineLocalSetting(key: string): boolean {
  return key === 'live.follow';
}

export function headerLine(): string {
  return JSON.stringify({ format: HANDOVER_FORMAT, version: HANDOVER_VERSION }) + '\n';
}

/** Checks line 1: a foreign file or another version is refused before anything is written. */
export function checkHeader(line: string): void {
  let h: unknown;
  try {
    h = JSON.parse(line);
  } catch {
    throw new HandoverError('This is not a Logdrop case file (its first line is not the case-file header).');
  }
  const o = h as { format?: unknown; version?: unknown } | null;
  if (o === null || typeof o !== 'object' || o.format !== HANDOVER_FORMAT) {
    throw new HandoverError('This is not a Logdrop case file (its first line is not the case-file header).');
  }
  if (o.version !== HANDOVER_VERSION) {
    throw new HandoverError(`This case file is format version ${String(o.version)}; this Logdrop reads version ${HANDOVER_VERSION}. Open it with a matching Logdrop.`);
  }
}
