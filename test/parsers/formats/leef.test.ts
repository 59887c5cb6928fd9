import { describe, expect, it } from 'vitest';
import { leef } from '../../../src/parsers/formats/leef.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('leef cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: '2.0 hex delimiter', input: 'LEEF:2.0|V|P|1|ev|x5E|src=1.1.1.1^dst=2.2.2.2', expected: { 'init.host.ip': '1.1.1.1', 'target.host.ip': '2.2.2.2' } },
    { name: '2.0 tab default', input: 'LEEF:2.0|V|P|1|ev||src=1.1.1.1\tusrName=a b', expected: { 'init.usr.name': 'a b' } },
    { name: 'url', input: 'LEEF:1.0|V|P|1|ev|url=http://a.example/x?y=1\tsrc=1.1.1.1', expected: { type: 'WEB', 'target.uri.path': '/x', 'target.host.name': 'a.example' } },
    { name: '__proto__ key', input: 'LEEF:1.0|V|P|1|ev|__proto__=x', expected: { 'data.__proto__': 'x' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(leef, c.input)).toMatchObject(c.expected));
  it('refuses CEF', () => expect(leef.parse('CEF:0|V|P|1|id|n|5|src=1.2.3.4', makeCtx()).ok).toBe(false));
});
