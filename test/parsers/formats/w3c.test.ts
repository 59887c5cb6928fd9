import { describe, expect, it } from 'vitest';
import { w3c } from '../../../src/parsers/formats/w3c.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('w3c cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'no #Fields: IIS default', input: '2019-03-04 05:06:07 192.168.1.5 GET / - 80 - 198.51.100.4 - - 404 0 2 0', expected: { outcome: 'failure', 'init.host.ip': '198.51.100.4' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(w3c, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '2019-03-04 05:06:07 too few fields',
    '#Fields: date time',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(w3c.parse(r, makeCtx()).ok).toBe(false));
});

describe('w3c #Fields state', () => {
  it('follows a #Fields change mid-file', () => {
    const ctx = makeCtx();
    expect(w3c.isMeta?.('#Software: Microsoft Internet Information Services 10.0', ctx)).toBe(true);
    expect(w3c.isMeta?.('#Fields: date time c-ip cs-method cs-uri-stem sc-status', ctx)).toBe(true);
    expect(parseOk(w3c, '2024-01-01 00:00:01 10.0.0.1 GET /a 200', ctx)).toMatchObject({ 'init.host.ip': '10.0.0.1', 'target.uri.path': '/a', 'web.request.rc': 200 });
    expect(w3c.isMeta?.('#Fields: date time cs-username c-ip sc-status', ctx)).toBe(true);
    expect(parseOk(w3c, '2024-01-01 00:00:02 bob 10.0.0.2 500', ctx)).toMatchObject({ 'init.usr.name': 'bob', 'init.host.ip': '10.0.0.2', outcome: 'failure' });
    expect(w3c.isMeta?.('2024-01-01 00:00:02 bob 10.0.0.2 500', ctx)).toBe(false);
  });
  it('ignores the file zone (W3C times are UTC)', () => {
    const ctx = makeCtx({ time: { tzOffsetMinutes: 120 } });
    w3c.isMeta?.('#Fields: date time c-ip', ctx);
    expect(parseOk(w3c, '2024-01-01 00:00:00 10.0.0.1', ctx).ts).toBe(Date.UTC(2024, 0, 1));
  });
});
