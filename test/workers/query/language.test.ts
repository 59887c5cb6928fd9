// Query text -> AST (compact form) or positioned error, for every construct of the language.
import { describe, expect, it } from 'vitest';
import type { Node, Value } from '../../../src/workers/query/language/ast.ts';
import { parseQuery } from '../../../src/workers/query/language/parser.ts';

/** Compact AST: `f:v` match, `f:~glob`, `f:/re/`, `f:*`, `f>=v`, `"t"` free text, and(...), or(...), not(...). */
function show(n: Node): string {
  const v = (x: Value) => (x.kind === 'literal' ? (x.quoted ? JSON.stringify(x.text) : x.text) : x.kind === 'wildcard' ? `~${x.pattern}` : `/${x.source}/${x.flags}`);
  switch (n.type) {
    case 'all': return 'ALL';
    case 'and': case 'or': return `${n.type}(${n.children.map(show).join(', ')})`;
    case 'not': return `not(${show(n.child)})`;
    case 'match': return `${n.field}:${v(n.value)}`;
    case 'exists': return `${n.field}:*`;
    case 'range': return `${n.field}${n.op}${v(n.value)}`;
    case 'text': return `text(${v(n.value)})`;
  }
}

const OK: { name: string; input: string; expected: string }[] = [
  { name: 'empty query', input: '', expected: 'ALL' },
  { name: 'blank query', input: '   ', expected: 'ALL' },
  { name: 'field:value', input: 'user:root', expected: 'user:root' },
  { name: 'quoted value', input: 'message:"Failed password"', expected: 'message:"Failed password"' },
  { name: 'quoted value with escaped quote', input: 'a:"say \\"hi\\""', expected: 'a:"say \\"hi\\""' },
  { name: 'wildcard star', input: 'user:adm*', expected: 'user:~adm*' },
  { name: 'wildcard question mark', input: 'host:web-0?', expected: 'host:~web-0?' },
  { name: 'escaped star is literal', input: 'user:a\\*b', expected: 'user:a*b' },
  { name: 'quoted star is literal', input: 'user:"a*b"', expected: 'user:"a*b"' },
  { name: 'implicit and', input: 'a b c', expected: 'and(text(a), text(b), text(c))' },
  { name: 'explicit and, any case', input: 'x:1 AND y:2 And z:3', expected: 'and(x:1, y:2, z:3)' },
  { name: 'or binds looser than and', input: 'a:1 b:2 or c:3', expected: 'or(and(a:1, b:2), c:3)' },
  { name: 'not binds tightest', input: 'not a:1 and b:2', expected: 'and(not(a:1), b:2)' },
  { name: 'NOT upper case, double not', input: 'NOT not a:1', expected: 'not(not(a:1))' },
  { name: 'parentheses', input: '(a:1 or b:2) and c:3', expected: 'and(or(a:1, b:2), c:3)' },
  { name: 'nested parentheses', input: '((a:1))', expected: 'a:1' },
  { name: 'exists', input: 'init.usr.name:*', expected: 'init.usr.name:*' },
  { name: 'range >=', input: 'web.request.rc >= 400', expected: 'web.request.rc>=400' },
  { name: 'range < without spaces', input: 'web.request.rc<500', expected: 'web.request.rc<500' },
  { name: 'range > and <=', input: 'port > 1024 and port <= 65535', expected: 'and(port>1024, port<=65535)' },
  { name: 'time range with ISO datetime and now-1h', input: 'ts >= 2024-10-17T12:00 and ts < now-1h', expected: 'and(ts>=2024-10-17T12:00, ts<now-1h)' },
  { name: 'time with seconds and zone keeps colons', input: 'ts < 2024-10-17T12:00:30+02:00', expected: 'ts<2024-10-17T12:00:30+02:00' },
  { name: 'value list', input: 'user:(root or admin)', expected: 'or(user:root, user:admin)' },
  { name: 'value list: space means or', input: 'user:(root admin)', expected: 'or(user:root, user:admin)' },
  { name: 'value list with and/not and wildcard', input: 'user:(adm* and not admin)', expected: 'and(user:~adm*, not(user:admin))' },
  { name: 'regex', input: 'user:/^adm(in)?$/', expected: 'user:/^adm(in)?$/' },
  { name: 'regex with flags', input: 'message:/failed \\w+/i', expected: 'message:/failed \\w+/i' },
  { name: 'path is not a regex', input: 'col.file:/var/log/auth.log', expected: 'col.file:/var/log/auth.log' },
  { name: 'IPv4 CIDR', input: 'init.host.ip:10.0.0.0/8', expected: 'init.host.ip:10.0.0.0/8' },
  { name: 'IPv6 CIDR keeps colons', input: 'init.host.ip:2001:db8::/32', expected: 'init.host.ip:2001:db8::/32' },
  { name: 'bare word free text', input: 'Failed', expected: 'text(Failed)' },
  { name: 'quoted phrase free text', input: '"Failed password"', expected: 'text("Failed password")' },
  { name: 'free text wildcard', input: 'pass*rd', expected: 'text(~pass*rd)' },
  { name: 'ECS alias kept as written', input: 'source.ip:1.2.3.4', expected: 'source.ip:1.2.3.4' },
  { name: 'keyword as field name', input: 'not:1', expected: 'not:1' },
  { name: 'quoted keyword is text', input: '"and"', expected: 'text("and")' },
  { name: 'whitespace after colon', input: 'user: root', expected: 'user:root' },
  { name: 'key=value words stay free text', input: 'user=root', expected: 'text(user=root)' },
  { name: 'value with __proto__', input: 'target.usr.name:__proto__', expected: 'target.usr.name:__proto__' },
];

const ERRORS: { name: string; input: string; message: string; position: number }[] = [
  { name: 'missing value at end', input: 'user:', message: "expected a value after 'user:' at 5", position: 5 },
  { name: 'missing value before )', input: '(user: )', message: "expected a value after 'user:' at 7", position: 7 },
  { name: 'unclosed parenthesis', input: '(a:1 or b:2', message: 'unclosed parenthesis opened at 0', position: 0 },
  { name: 'unclosed inner parenthesis', input: 'x:1 and (a:1 or (b:2)', message: 'unclosed parenthesis opened at 8', position: 8 },
  { name: 'unclosed value list', input: 'user:(a or b', message: 'unclosed parenthesis opened at 5', position: 5 },
  { name: 'unmatched )', input: 'a:1)', message: "unmatched ')' at 3", position: 3 },
  { name: 'empty parentheses', input: '()', message: "expected a term after '(' at 1", position: 1 },
  { name: 'unclosed quote', input: 'msg:"abc', message: 'unclosed quote opened at 4', position: 4 },
  { name: 'dangling and', input: 'a:1 and', message: "expected a term after 'and' at 7", position: 7 },
  { name: 'dangling or', input: 'a:1 OR ', message: "expected a term after 'OR' at 7", position: 7 },
  { name: 'dangling not', input: 'not', message: "expected a term after 'not' at 3", position: 3 },
  { name: 'leading or', input: 'or a:1', message: "expected a term before 'or' at 0", position: 0 },
  { name: 'and and', input: 'a and and b', message: "expected a term after 'and' at 6", position: 6 },
  { name: 'range without value', input: 'port >=', message: "expected a value after 'port >=' at 7", position: 7 },
  { name: 'range with wildcard', input: 'port > 1*', message: "a range needs a number or a time after 'port >' at 7", position: 7 },
  { name: 'operator without field', input: '>= 5', message: "expected a field name before '>=' at 0", position: 0 },
  { name: 'colon without field', input: ':x', message: "expected a field name before ':' at 0", position: 0 },
  { name: 'invalid regex', input: 'user:/adm(/', message: 'invalid regular expression: missing closing ): `adm(` at 5', position: 5 },
  { name: 'stateful regex flag', input: 'user:/a/g', message: "unknown regular expression flags 'g' (use i, m, s) at 8", position: 8 },
  { name: 'wildcard field name', input: 'us*r:x', message: 'wildcards are not supported in field names at 0', position: 0 },
  { name: 'trailing backslash', input: 'a\\', message: 'a backslash must be followed by the character it escapes at 1', position: 1 },
  { name: 'dangling or in list', input: 'user:(a or )', message: "expected a value after 'or' at 11", position: 11 },
];

describe('query language: parse', () => {
  it.each(OK)('$name: $input', ({ input, expected }) => {
    const r = parseQuery(input);
    if (!r.ok) throw new Error(`unexpected error ${r.error.message}`);
    expect(show(r.value)).toBe(expected);
  });
});

describe('query language: errors', () => {
  it.each(ERRORS)('$name: $input', ({ input, message, position }) => {
    expect(parseQuery(input)).toEqual({ ok: false, error: { message, position } });
  });
});

describe('query language: source positions', () => {
  it('spans point at fields and values', () => {
    const r = parseQuery('a:1 and not user:"x y"');
    expect(r).toMatchObject({
      ok: true,
      value: {
        type: 'and', pos: 0, end: 22,
        children: [
          { type: 'match', field: 'a', pos: 0, end: 3, value: { pos: 2, end: 3 } },
          { type: 'not', pos: 8, end: 22, child: { type: 'match', field: 'user', pos: 12, end: 22, value: { text: 'x y', pos: 17, end: 22 } } },
        ],
      },
    });
  });
});
