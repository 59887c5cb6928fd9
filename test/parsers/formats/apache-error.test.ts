import { describe, expect, it } from 'vitest';
import { apacheError } from '../../../src/parsers/formats/apache-error.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('apache-error cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: '2.4 IPv6 client', input: '[Wed Oct 11 14:32:52 2000] [ssl:warn] [pid 1] [client [2001:db8::5]:443] AH01909: x', expected: { 'init.host.ip': '2001:db8::5', 'init.host.port': 443, 'data.module': 'ssl' } },
    { name: 'space-padded day', input: '[Mon Dec  5 04:47:44 2005] [error] x', expected: { ts: Date.UTC(2005, 11, 5, 4, 47, 44) } },
    { name: 'zone setting applies', input: '[Sun Dec 04 04:47:44 2005] [notice] y', expected: { message: 'y' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(apacheError, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 1',
    'Dec 10 06:55:46 LabSZ sshd[24200]: x',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(apacheError.parse(r, makeCtx()).ok).toBe(false));
});
