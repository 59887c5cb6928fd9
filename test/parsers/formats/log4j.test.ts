import { describe, expect, it } from 'vitest';
import { log4j } from '../../../src/parsers/formats/log4j.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('log4j cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'ISO T and zone', input: '2024-01-02T03:04:05.678+02:00 ERROR [pool-1-thread-2] com.acme.Job: failed', expected: { ts: Date.UTC(2024, 0, 2, 1, 4, 5, 678), 'ts.guess': '', 'app.name': 'com.acme.Job', message: 'failed' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(log4j, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '2024-01-02 10:11:12,345 - myapp.db - WARNING - connection pool exhausted',
    '\tat org.foo.Bar.run(Bar.java:12)',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(log4j.parse(r, makeCtx()).ok).toBe(false));
});
