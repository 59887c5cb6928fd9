import { describe, expect, it } from 'vitest';
import { logcat } from '../../../src/parsers/formats/logcat.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('logcat cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'tag with spaces', input: '03-17 16:13:38.811  1702  2395 I chatty  : uid=1000 expire 3 lines', expected: { 'app.name': 'chatty', message: 'uid=1000 expire 3 lines' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(logcat, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '2024-03-17 16:13:38.811  1702  2395 D WindowManager: x',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(logcat.parse(r, makeCtx()).ok).toBe(false));
});

describe('logcat meta', () => {
  it('buffer banners are meta', () => expect(logcat.isMeta?.('--------- beginning of main', makeCtx())).toBe(true));
});
