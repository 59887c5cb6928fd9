// THE ordered parser registry (DESIGN practice 2): specific formats first, generic ones last.
// Content sniffing takes the best score; on a tie the earlier parser wins.
import type { Parser } from './types.ts';
import { syslog3164 } from './formats/syslog3164.ts';

export const PARSERS: readonly Parser[] = [
  syslog3164,
];

export function parserById(id: string): Parser | undefined {
  return PARSERS.find((p) => p.id === id);
}
