// The one door to regular expressions written by rule authors: they run over hostile log text, so they
// must run in linear time (RE2 semantics via re2js, no backtracking). A tiny adapter so the lead can swap it
// for the shared linear-time regex module (src/core/regex.ts) once that lands.
import { RE2JS } from 're2js';

export interface RegexFlags { i?: boolean; m?: boolean; s?: boolean }

export interface LinearRegex {
  /** true when the expression matches anywhere in `text` (unanchored, like PCRE's default) */
  test(text: string): boolean;
}

/** Compiles `source`; throws an Error with the reason when the syntax is not supported. */
export function compileLinearRegex(source: string, flags: RegexFlags = {}): LinearRegex {
  const f = (flags.i ? RE2JS.CASE_INSENSITIVE : 0) | (flags.m ? RE2JS.MULTILINE : 0) | (flags.s ? RE2JS.DOTALL : 0);
  const re = RE2JS.compile(source, f);
  return { test: (text) => re.test(text) };
}
