// The generic test over THE parser registry (DESIGN practice 2): every sample parses to its expectation,
// every named pattern is hit by a sample, no earlier parser claims a later parser's samples, every
// formats/ file is registered, and ids are unique and equal to the file name. A file named _*.ts is a
// template (copied from, never registered): it gets the same contract, sample and pattern checks.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PARSERS } from '../../src/parsers/index.ts';
import type { TextParser } from '../../src/parsers/types.ts';
import { headOfLines, makeCtx, parseText } from '../harness/parsers.ts';
import { template } from '../../src/parsers/formats/_template.ts';

const textParsers = PARSERS.filter((p): p is TextParser => p.kind === 'text');
const TEMPLATES: readonly TextParser[] = [template];
const isTemplate = (file: string) => file.startsWith('_');

describe('parser registry', () => {
  it('ids are unique and name their file; every formats/ file is registered', () => {
    const ids = PARSERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(join(import.meta.dirname, '../../src/parsers/formats'))
      .filter((f) => f.endsWith('.ts') && !isTemplate(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect([...ids].sort()).toEqual(files.sort());
  });

  it('templates are the _*.ts files, none registered', () => {
    const files = readdirSync(join(import.meta.dirname, '../../src/parsers/formats')).filter(isTemplate);
    expect(TEMPLATES.map((t) => `${t.id}.ts`).sort()).toEqual(files.sort());
    expect(PARSERS.filter((p) => isTemplate(p.id))).toEqual([]);
  });

  for (const parser of [...textParsers, ...TEMPLATES]) {
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
          const ctx = makeCtx({ file: 'sample', hits });
          if (sample.before) parseText(parser, sample.before.join('\n'), ctx);
          const [r] = parseText(parser, sample.input, ctx);
          if (r === undefined) throw new Error(`${parser.id} sample ${i + 1}: the framer emitted no record`);
          if (!r.ok) throw new Error(`${parser.id} sample ${i + 1} failed: ${r.error}`);
          expect(r.value).toMatchObject(sample.expect);
        });
      });

      it('every named pattern is hit by a sample', () => {
        for (const s of parser.samples) {
          const ctx = makeCtx({ file: 'sample', hits });
          parseText(parser, [...(s.before ?? []), s.input].join('\n'), ctx);
        }
        const missed = (parser.patterns ?? []).filter((p) => !hits.has(p));
        expect(missed).toEqual([]);
      });

      // a template is not in the registry's order: no earlier parser to compare with
      if (!TEMPLATES.includes(parser)) {
        it('no earlier parser claims its samples', () => {
          const index = PARSERS.indexOf(parser);
          const head = headOfLines(parser.samples.flatMap((s) => [...(s.before ?? []), ...s.input.split('\n')]));
          const own = parser.sniff(head);
          const stronger = PARSERS.slice(0, index).filter((p) => p.sniff(head) >= own).map((p) => p.id);
          expect(stronger).toEqual([]);
        });
      }
    });
  }
});
