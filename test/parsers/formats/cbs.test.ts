import { describe, expect, it } from 'vitest';
import { cbs } from '../../../src/parsers/formats/cbs.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('cbs cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'Warning level', input: '2016-09-28 04:30:31, Warning               CBS    Failed to x [HRESULT = 0x800f080d - CBS_E_MANIFEST_INVALID_ITEM]', expected: { 'alarm.sev': 'Warning', outcome: 'failure', 'alarm.name': 'CBS_E_MANIFEST_INVALID_ITEM' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(cbs, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '2015-07-29 17:41:44,747 INFO  [main] org.foo.Bar - message',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(cbs.parse(r, makeCtx()).ok).toBe(false));
});
