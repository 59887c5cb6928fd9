// Bad input is a value, not a throw (DESIGN practice 6): parsers and loaders return Result.

export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = string>(error: E): Result<never, E> => ({ ok: false, error });

/** Where and why a record could not be read: shown to the user and kept with the unparsed event. */
export interface ParseIssue {
  file: string;
  /** 1-based line of the record's first line (text formats) */
  line?: number;
  /** byte offset in the file (binary formats, or when lines are unknown) */
  offset?: number;
  /** what the position counts: 'line', 'record', 'chunk', 'entry' */
  unit: 'line' | 'record' | 'chunk' | 'entry' | 'file';
  reason: string;
}
