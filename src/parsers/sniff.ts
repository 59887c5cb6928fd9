// Helpers shared by parsers' sniff(): most line formats score the share of head lines they recognise.
import type { Head } from './types.ts';
import { YearGuesser, type TimeSettings } from '../core/time.ts';

/** The head's lines that carry something (blank lines say nothing about the format). */
export function nonBlankLines(head: Head): string[] {
  return head.lines.filter((l) => l.trim() !== '');
}

/** Share (0..1) of the head's non-blank lines that `test` accepts (a pattern or a predicate); 0 for an empty head. */
export function shareOfLines(head: Head, test: RegExp | ((line: string) => boolean)): number {
  const lines = nonBlankLines(head);
  const accepts = typeof test === 'function' ? test : (l: string) => test.test(l);
  return lines.length === 0 ? 0 : lines.filter(accepts).length / lines.length;
}

/**
 * Time settings for reading timestamps inside sniff(), which has no ParseContext: a throw-away year
 * guesser, so the file's own year inference (built when it is parsed) is not disturbed.
 */
export function sniffTime(): { settings: TimeSettings; years: YearGuesser } {
  const settings: TimeSettings = { tzOffsetMinutes: 0, referenceMs: Date.UTC(2000, 0, 1) };
  return { settings, years: new YearGuesser(settings) };
}
