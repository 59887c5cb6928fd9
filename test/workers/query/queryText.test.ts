// Query text written by the engine reads back as exactly the value it was written for.
import { describe, expect, it } from 'vitest';
import { and, anyOf, term } from '../../../src/workers/query/queryText.ts';
import { engineOf } from './synthetic.ts';

describe('term', () => {
  it.each([
    ['init.host.ip', '203.0.113.5', 'init.host.ip:203.0.113.5'],
    ['init.host.ip', '2001:db8::1', 'init.host.ip:2001:db8::1'],
    ['target.usr.name', 'CORP\\alice', 'target.usr.name:"CORP\\\\alice"'],
    ['target.usr.name', 'a b', 'target.usr.name:"a b"'],
    ['target.usr.name', 'say "hi"', 'target.usr.name:"say \\"hi\\""'],
    ['target.usr.name', 'adm*', 'target.usr.name:"adm*"'],
    ['target.usr.name', 'or', 'target.usr.name:"or"'],
    ['col.file', '/var/log/x', 'col.file:"/var/log/x"'],
  ])('%s = %s', (field, value, expected) => {
    expect(term(field, value)).toBe(expected);
  });

  it('combines', () => {
    expect(anyOf(['a', 'b'], 'x')).toBe('a:x or b:x');
    expect(and('a:x or b:x', 'c:y')).toBe('(a:x or b:x) and (c:y)');
    expect(and('', 'c:y')).toBe('c:y');
    expect(and('c:y', ' ')).toBe('c:y');
  });

  it('selects exactly the events holding the value, whatever characters it has', () => {
    const values = ['plain', 'a b', 'say "hi"', 'CORP\\alice', 'adm*', 'admin', 'or', '__proto__', '(x)', '/etc/passwd', 'x:y'];
    const engine = engineOf(values.map((v) => ({ 'target.usr.name': v })));
    for (const v of values) {
      const r = engine.query(term('target.usr.name', v));
      expect(r.ok && r.handle.total, v).toBe(1);
    }
  });

  it('a bare IP still matches another spelling of the same address', () => {
    const engine = engineOf([{ 'init.host.ip': '2001:DB8:0:0::15' }]);
    const r = engine.query(term('init.host.ip', '2001:db8::15'));
    expect(r.ok && r.handle.total).toBe(1);
  });
});
