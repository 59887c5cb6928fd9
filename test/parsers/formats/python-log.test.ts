import { describe, expect, it } from 'vitest';
import { pythonLog } from '../../../src/parsers/formats/python-log.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('python-log cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'dotted fraction', input: '2024-01-02 10:11:12.5 - root - INFO - x', expected: { ts: Date.UTC(2024, 0, 2, 10, 11, 12, 500), message: 'x' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(pythonLog, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    'WARNING:root:msg without a time',
    '2015-07-29 17:41:44,747 INFO  [main] org.foo.Bar - message',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(pythonLog.parse(r, makeCtx()).ok).toBe(false));
});
