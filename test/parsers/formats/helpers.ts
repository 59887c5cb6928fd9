// Shared by the line-format parser tests: a ParseContext as the pipeline makes one (UTC, reference 2026-01-01),
// and a check that runs a parser's own samples.
import { expect, it } from 'vitest';
import { YearGuesser, type TimeSettings } from '../../../src/core/time.ts';
import type { EventFields } from '../../../src/core/schema.ts';
import type { ParseContext, TextParser } from '../../../src/parsers/types.ts';

export function makeCtx(hits?: Set<string>, time: Partial<TimeSettings> = {}): ParseContext {
  const settings: TimeSettings = { tzOffsetMinutes: 0, referenceMs: Date.UTC(2026, 0, 1), ...time };
  return {
    file: 'test.log',
    time: settings,
    years: new YearGuesser(settings),
    state: new Map(),
    hit: hits ? (p) => hits.add(p) : undefined,
  };
}

/** Parses one line with a fresh context; fails the test when the parser refuses it. */
export function parseOk(parser: TextParser, line: string, ctx: ParseContext = makeCtx()): EventFields {
  const r = parser.parse(line, ctx);
  if (!r.ok) throw new Error(`${parser.id} refused ${JSON.stringify(line)}: ${r.error}`);
  return r.value;
}

/** Lines of one file through the parser as the ingest does (meta lines skipped); the results in order. */
function parseLines(parser: TextParser, lines: readonly string[], ctx: ParseContext): EventFields[] {
  const out: EventFields[] = [];
  for (const l of lines) {
    if (l.trim() === '' || parser.isMeta?.(l, ctx) === true) continue;
    out.push(parseOk(parser, l, ctx));
  }
  return out;
}

/** Every sample (after its `before` lines) parses to (a superset of) its expectation; every pattern is hit. */
export function checkSamples(parser: TextParser, ownPatterns?: readonly string[]): void {
  const hits = new Set<string>();
  for (const [i, s] of parser.samples.entries()) {
    it(`sample ${i}: ${s.input.slice(0, 60)}`, () => {
      const ctx = makeCtx(hits);
      parseLines(parser, s.before ?? [], ctx);
      const [ev] = parseLines(parser, s.input.split('\n'), ctx);
      expect(ev).toMatchObject(s.expect);
    });
  }
  it('every own pattern is hit by a sample', () => {
    for (const s of parser.samples) parseLines(parser, [...(s.before ?? []), ...s.input.split('\n')], makeCtx(hits));
    const missing = (ownPatterns ?? parser.patterns ?? []).filter((p) => !hits.has(p));
    expect(missing).toEqual([]);
  });
}
