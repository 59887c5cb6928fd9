import { describe, expect, it } from 'vitest';
import { pipe } from '../../../src/parsers/formats/pipe.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('pipe cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'empty fields kept', input: '2013-09-21 14:40:02 -0700|host-1||4437|a', expected: { 'data.field3': '', message: 'a' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(pipe, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    'mypc-WIN7|2013-09-21 14:40:02|x|y',
    'no bars here',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(pipe.parse(r, makeCtx()).ok).toBe(false));
});

describe('pipe field count', () => {
  it('keeps the first line\'s field count for later lines', () => {
    const ctx = makeCtx();
    parseOk(pipe, '2013-09-21 14:40:02 -0700|h-1||1|first', ctx);
    expect(parseOk(pipe, '2013-09-21 14:40:03 -0700|h-1||2|second | with bar', ctx).message).toBe('second | with bar');
  });
});
