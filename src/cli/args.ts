// Command-line flags: each command declares the options it takes (node:util parseArgs), so an option given
// to the wrong command is an error in plain words instead of being silently ignored or read as a file.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** The parsed flags of one command, read through typed accessors. */
export class Flags {
  constructor(private readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>) {}
  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }
  list(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }
  flag(name: string): boolean {
    return this.values[name] === true;
  }
}

export function parseCommandArgs(command: string, args: string[], options: OptionSpec): { flags: Flags; files: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { flags: new Flags(values), files: positionals };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
    }
    throw e;
  }
}

export function parseTz(v: string | undefined): number {
  if (v === undefined) return 0;
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(v);
  if (!m) throw new UsageError(`--tz expects +HH:MM, got "${v}"`);
  const mins = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -mins : mins;
}

export function parseSize(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)([KMG]?)$/i.exec(v);
  if (!m) throw new UsageError(`--max-expanded expects a size like 500M or 20G, got "${v}"`);
  return Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase());
}

export function parseLimit(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--limit expects a whole number, got "${v}"`);
  return n;
}

export function parsePort(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port expects a port number (0-65535)');
  return n;
}
