// Queries over the fixture case (30 events, 3 chunks) -> matching row ids (= positions in EVENTS).
import { describe, expect, it } from 'vitest';
import { search } from '../../../src/workers/query/search.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { fixtureChunks, fixtureIndex } from './fixtures.ts';

const NOW = Date.UTC(2024, 9, 17, 13, 30); // `now` in these tests: 13:30Z
const index = fixtureIndex();
const all = Array.from({ length: 30 }, (_, i) => i);
const except = (...rows: number[]) => all.filter((r) => !rows.includes(r));

const CASES: { name: string; input: string; expected: number[] }[] = [
  { name: 'empty query = every event', input: '', expected: all },
  { name: 'keyword equality', input: 'app.name:nginx', expected: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'keyword values match case-insensitively', input: 'target.usr.name:ADMINISTRATOR', expected: [20, 21, 22] },
  { name: 'quoted keyword value', input: 'message:"failed to log on"', expected: [21, 22, 25, 28] },
  { name: 'wildcard *', input: 'target.usr.name:adm*', expected: [1, 20, 21, 22] },
  { name: 'wildcard ?', input: 'init.host.ip:10.0.0.1?', expected: [3, 6, 13, 23, 27] },
  { name: 'regex on a keyword (case-sensitive)', input: 'target.usr.name:/^A/', expected: [20, 22] },
  { name: 'regex with i flag', input: 'target.usr.name:/^adm/i', expected: [1, 20, 21, 22] },
  { name: 'regex on text is per event (^ = event start)', input: 'message:/^An account (was|failed)/', expected: [20, 21, 22, 23, 25, 26, 27, 28] },
  { name: 'IPv4 CIDR', input: 'init.host.ip:203.0.113.0/24', expected: [0, 1, 2, 5, 11, 12, 17, 19, 21, 22, 28] },
  { name: 'IPv6 CIDR', input: 'init.host.ip:2001:db8::/32', expected: [8] },
  { name: 'IPv6 address written differently', input: 'init.host.ip:2001:db8::15', expected: [8] },
  { name: 'exists', input: 'init.usr.name:*', expected: [20, 24, 29] },
  { name: 'not exists', input: 'not outcome:*', expected: [9, 24, 26, 29] },
  { name: 'numeric range', input: 'web.request.rc >= 400 and web.request.rc < 500', expected: [11, 12, 14, 17, 19] },
  { name: 'numeric equality', input: 'web.request.rc:404', expected: [14, 17, 19] },
  { name: 'numeric wildcard on the number text', input: 'web.request.rc:5*', expected: [15] },
  { name: 'numeric comparison on a keyword holding numbers', input: 'alarm.id > 4625', expected: [24, 26, 29] },
  { name: 'time range: ISO and now-1h', input: 'ts >= 2024-10-17T12:10 and ts < now-1h', expected: [15, 16, 17, 18, 25] },
  { name: 'time: a whole day', input: 'ts:2024-10-17', expected: all },
  { name: 'time: before a datetime with zone', input: 'ts < 2024-10-17T14:00:01+02:00', expected: [20] },
  { name: 'time: after now-30m', input: 'ts > now-30m', expected: [28, 29] },
  { name: 'free text word (message)', input: 'password', expected: [0, 1, 2, 4, 6, 8, 9] },
  { name: 'free text phrase, any case; raw searched for unparsed', input: '"FAILED password"', expected: [0, 1, 2, 4, 8, 9] },
  { name: 'free text does not search raw of parsed events', input: 'Mozilla', expected: [] },
  { name: 'raw searched explicitly', input: 'raw:Mozilla', expected: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'free text wildcard (anywhere in the message)', input: 'accept*ed', expected: [3, 6] },
  { name: 'free text with non-ASCII case folding', input: 'istanbul', expected: [9] },
  { name: 'parse.error', input: 'parse.error:"no parser"', expected: [9] },
  { name: 'and / or / not with parentheses', input: '(app.name:sshd or app.name:nginx) and not outcome:success', expected: [0, 1, 2, 4, 5, 8, 11, 12, 14, 15, 17, 19] },
  { name: 'implicit and', input: 'outcome:failure init.host.ip:198.51.100.23', expected: [4, 14, 25] },
  { name: 'value list', input: 'target.usr.name:(root or bob)', expected: [0, 2, 4, 6, 8, 27, 29] },
  { name: 'value list with not', input: 'outcome:failure and target.usr.name:(not root)', expected: [1, 4, 5, 11, 12, 14, 15, 17, 19, 21, 22, 25, 28] },
  { name: 'not = complement, including events lacking the field', input: 'not app.name:sshd', expected: except(0, 1, 2, 3, 4, 5, 6, 7, 8) },
  { name: 'ECS alias source.ip', input: 'source.ip:10.0.0.12', expected: [3, 6, 13, 23] },
  { name: 'ECS alias event.code', input: 'event.code:4625', expected: [21, 22, 25, 28] },
  { name: 'ECS alias host.name', input: 'host.name:dc01', expected: [20, 21, 22, 23, 24, 25, 26, 27, 28, 29] },
  { name: 'user.name = initiating or target user', input: 'user.name:alice', expected: [3, 7, 23, 24, 26] },
  { name: 'data.* fields (Windows EventData)', input: 'data.LogonType:10', expected: [20, 27] },
  { name: 'field names: case-insensitive fallback', input: 'data.logontype:10', expected: [20, 27] },
  { name: '__proto__ as a value is harmless', input: 'target.usr.name:__proto__', expected: [28] },
  { name: '__proto__ as a path value', input: 'target.uri.path:/__proto__', expected: [19] },
  { name: 'path value is not a regex', input: 'col.file:var/log/nginx/access.log', expected: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'unknown field matches nothing', input: 'foo:bar', expected: [] },
  { name: 'not unknown field = everything', input: 'not foo:bar', expected: all },
  { name: 'bare * = everything', input: '*', expected: all },
];

describe('evaluate: queries over the fixture case', () => {
  it.each(CASES)('$name: $input', ({ input, expected }) => {
    const r = search(index, input, NOW);
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.rows.rows()]).toEqual(expected);
  });
});

describe('evaluate: warnings and errors', () => {
  it.each([
    { name: 'unknown field warns', input: 'x:1 and foo:bar', expected: [{ message: "unknown field 'foo': it matches no event at 8", position: 8 }] },
    { name: 'known but absent field warns differently', input: 'init.usr.domain:CORP', expected: [{ message: "no event has the field 'init.usr.domain' at 0", position: 0 }] },
    { name: 'present field: no warning', input: 'outcome:failure', expected: [] },
  ])('$name', ({ input, expected }) => {
    const r = search(index, input, NOW);
    expect(r.ok && r.value.warnings.filter((w) => w.position === expected[0]?.position || expected.length === 0)).toEqual(expected);
  });

  it.each([
    { name: 'text on a number field', input: 'web.request.rc:abc', error: { message: "'abc' is not a number, and 'web.request.rc' holds numbers at 15", position: 15 } },
    { name: 'bad time', input: 'ts >= yesterday', error: { message: "'yesterday' is not a time: use 2024-10-17, 2024-10-17T12:00, now or now-1h at 6", position: 6 } },
    { name: 'range on free text field', input: 'message > abc', error: { message: "'message' is free text: ranges apply to numbers, times and keyword fields at 10", position: 10 } },
    { name: 'syntax errors pass through', input: '(a', error: { message: 'unclosed parenthesis opened at 0', position: 0 } },
  ])('$name', ({ input, error }) => {
    expect(search(index, input, NOW)).toEqual({ ok: false, error });
  });
});

describe('evaluate: incremental index', () => {
  it('queries see chunks added later, global ids remapped', () => {
    const idx = new CaseIndex();
    const [a, b, c] = fixtureChunks();
    idx.addChunk(a);
    const before = search(idx, 'outcome:failure', NOW);
    idx.addChunk(b);
    idx.addChunk(c);
    const after = search(idx, 'outcome:failure', NOW);
    expect(before.ok && before.value.rows.size).toBe(6);
    expect(after.ok && after.value.rows.size).toBe(16);
  });

  it('empty index: every query is empty, no warnings', () => {
    const r = search(new CaseIndex(), 'foo:bar or "x"', NOW);
    expect(r.ok && [r.value.rows.size, r.value.warnings.length]).toEqual([0, 0]);
  });
});
