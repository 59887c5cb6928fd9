import { describe, expect, it } from 'vitest';
import { proxifier } from '../../../src/parsers/formats/proxifier.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('proxifier cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'lifetime h:m:s', input: '[10.30 17:00:00] a.exe - b.example:80 close, 1 bytes sent, 2 bytes received, lifetime 01:00:05', expected: { 'session.duration': 3605 } },
    { name: 'Dec then Jan rolls the year', input: '[01.02 00:00:00] a.exe - b.example:80 open directly', expected: { action: 'open', 'ts.guess': 'year,zone' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(proxifier, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '[Sun Dec 04 04:47:44 2005] [notice] x',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(proxifier.parse(r, makeCtx()).ok).toBe(false));
});
