import { describe, expect, it } from 'vitest';
import { applog } from '../../../src/parsers/formats/applog.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('applog cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'epoch time', input: '1700000000.5 INFO worker: started', expected: { ts: 1700000000500, 'app.name': 'worker' } },
    { name: 'ISO, no component', input: '2024-01-02 10:11:12 ERROR something broke: badly', expected: { message: 'something broke: badly' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(applog, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '2024-01-02 10:11:12 no level word here',
    'ERROR no time',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(applog.parse(r, makeCtx()).ok).toBe(false));
});
