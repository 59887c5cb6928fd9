// Redaction types of EngineApi (re-exported by api.ts): consistent pseudonymisation of what the views show and
// every export writes, never of the stored case (src/workers/redact).
export type RedactKind = 'ip' | 'user' | 'host' | 'email' | 'mac' | 'text' | 'keep';

export interface RedactionSettings {
  on: boolean;
  /** per-field choices over the defaults ('keep': as it is; 'text': addresses and names found in it replaced) */
  fields?: Record<string, RedactKind>;
  /** kinds never replaced, in their fields or in text (e.g. ['host']); absent: unchanged. Saved with the case like fields. */
  off?: RedactKind[];
}

export interface RedactionState extends Required<RedactionSettings> {
  /** values pseudonymised so far in the open case (rows of the mapping table) */
  mapped: number;
}

/** The mapping table (pseudonym -> original), for the analyst only: it undoes the redaction. */
export type RedactionMappingResult = { ok: true; blob: Blob; fileName: string; rows: number } | { ok: false; message: string };
