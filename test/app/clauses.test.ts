// Clauses written by clicks read back as the same field and value; chips are found and removed cleanly.
import { describe, expect, it } from 'vitest';
import { addClause, chipsOf, clauseFor, removeChip, valueToken } from '../../src/app/query/clauses.ts';

describe('clauseFor', () => {
  it.each([
    ['outcome', 'failure', false, 'outcome:failure'],
    ['init.host.ip', '203.0.113.5', true, 'not init.host.ip:203.0.113.5'],
    ['init.host.ip', '2001:db8::1', false, 'init.host.ip:2001:db8::1'],
    ['target.usr.name', 'bob smith', false, 'target.usr.name:"bob smith"'],
    ['message', 'say "hi" \\o/', false, 'message:"say \\"hi\\" \\\\o/"'],
    ['data.Event ID', 'x', false, 'data.Event\\ ID:x'],
    ['user', 'or', false, 'user:"or"'],
    ['user', 'adm*', false, 'user:"adm*"'],
    ['col.file', '/var/log/auth.log', false, 'col.file:"/var/log/auth.log"'],
  ])('%s = %s (exclude %s)', (field, value, exclude, expected) => {
    expect(clauseFor(field, value, exclude)).toBe(expected);
  });

  it('quotes what would not read back as a plain word', () => {
    expect(valueToken('')).toBe('""');
    expect(valueToken('a(b)')).toBe('"a(b)"');
  });
});

describe('addClause', () => {
  it.each([
    ['', 'a:b', 'a:b'],
    ['  sshd ', 'a:b', 'sshd and a:b'],
    ['x:1 or y:2', 'a:b', '(x:1 or y:2) and a:b'],
    ['message:"this or that"', 'a:b', 'message:"this or that" and a:b'],
  ])('%s + %s', (q, c, expected) => {
    expect(addClause(q, c)).toBe(expected);
  });
});

describe('chips', () => {
  it('finds each clause a click wrote, with its value unescaped', () => {
    const q = addClause(addClause(addClause('sshd', clauseFor('outcome', 'failure')), clauseFor('target.usr.name', 'bob "b" smith', true)), clauseFor('data.Event ID', '4625'));
    expect(chipsOf(q).map(({ field, value, exclude }) => ({ field, value, exclude }))).toEqual([
      { field: 'outcome', value: 'failure', exclude: false },
      { field: 'target.usr.name', value: 'bob "b" smith', exclude: true },
      { field: 'data.Event ID', value: '4625', exclude: false },
    ]);
  });

  it.each([
    ['outcome:failure and init.host.ip:1.2.3.4', 0, 'init.host.ip:1.2.3.4'],
    ['outcome:failure and init.host.ip:1.2.3.4', 1, 'outcome:failure'],
    ['sshd and not outcome:failure and x:1', 0, 'sshd and x:1'],
    ['a:1 b:2 c:3', 1, 'a:1 c:3'],
  ])('removing chip %# of %s', (q, i, expected) => {
    expect(removeChip(q, chipsOf(q)[i])).toBe(expected);
  });

  it('no chips where removing one could change the meaning', () => {
    expect(chipsOf('a:1 or b:2')).toEqual([]);
    expect(chipsOf('(a:1 and b:2) and c:3')).toEqual([]);
    expect(chipsOf('message:"(x) or y" and a:1').map((c) => c.field)).toEqual(['message', 'a']);
  });
});
