// The generic test over THE parser registry (DESIGN practice 2): every sample parses to its expectation,
// every named pattern is hit by a sample, no earlier parser claims a later parser's samples, every
// formats/ file is registered, and ids are unique and equal to the file name.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PARSERS } from '../../src/parsers/index.ts';
import type { Head, ParseContext, TextParser } from '../../src/parsers/types.ts';
import { YearGuesser, type TimeSettings } from '../../src/core/time.ts';

const SETTINGS: TimeSettings = { tzOffsetMinutes: 0, referenceMs: Date.UTC(2026, 0, 1) };

function context(hits: Set<string>): ParseContext {
  return { file: 'sample', time: SETTINGS, years: new YearGuesser(SETTINGS), state: new Map(), hit: (p) => hits.add(p) };
}

function headOf(lines: string[]): Head {
  const text = lines.join('\n') + '\n';
  return { name: '', bytes: new TextEncoder().encode(text), text, lines };
}

const textParsers = PARSERS.filter((p): p is TextParser => p.kind === 'text');

describe('parser registry', () => {
  it('ids are unique and name their file; every formats/ file is registered', () => {
    const ids = PARSERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(join(import.meta.dirname, '../../src/parsers/formats'))
      .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect([...ids].sort()).toEqual(files.sort());
  });

  for (const parser of textParsers) {
    describe(parser.id, () => {
      it('has samples, a title, a version and a reference URL', () => {
        expect(parser.samples.length).toBeGreaterThan(0);
        expect(parser.title).not.toBe('');
        expect(parser.version).not.toBe('');
        expect(parser.url).toMatch(/^https:\/\//);
      });

      const hits = new Set<string>();
      parser.samples.forEach((sample, i) => {
        it(`sample ${i + 1} parses to its expectation`, () => {
          // stateful formats (headers) get the samples before this one, like lines of one file
          const ctx = context(hits);
          for (const prior of parser.samples.slice(0, i)) {
            if (!parser.isMeta?.(prior.input, ctx)) parser.parse(prior.input, ctx);
          }
          const r = parser.parse(sample.input, ctx);
          if (!r.ok) throw new Error(`${parser.id} sample ${i + 1} failed: ${r.error}`);
          expect(r.value).toMatchObject(sample.expect);
        });
      });

      it('every named pattern is hit by a sample', () => {
        const ctx = context(hits);
        for (const s of parser.samples) if (!parser.isMeta?.(s.input, ctx)) parser.parse(s.input, ctx);
        const missed = (parser.patterns ?? []).filter((p) => !hits.has(p));
        expect(missed).toEqual([]);
      });

      it('no earlier parser claims its samples', () => {
        const index = PARSERS.indexOf(parser);
        const head = headOf(parser.samples.map((s) => s.input));
        const own = parser.sniff(head);
        const stronger = PARSERS.slice(0, index).filter((p) => p.sniff(head) >= own).map((p) => p.id);
        expect(stronger).toEqual([]);
      });
    });
  }
});
