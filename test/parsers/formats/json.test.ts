import { describe, expect, it } from 'vitest';
import { json } from '../../../src/parsers/formats/json.ts';
import { stringifySafe } from '../../../src/parsers/extract/json.ts';
import { makeCtx, parseFile } from '../../harness/parsers.ts';

const parse = (input: string) => {
  const r = json.parse(input, makeCtx());
  if (!r.ok) throw new Error(r.error); // test helper: a failed parse is a test failure
  return r.value;
};

describe('json (generic)', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'epoch seconds', input: '{"ts":1588205198.5,"m":1}', expected: { ts: 1588205198500 } },
    { name: 'epoch ms as text', input: '{"timestamp":"1700000000123"}', expected: { ts: 1700000000123 } },
    { name: 'epoch µs (journald)', input: '{"__REALTIME_TIMESTAMP":"1588205198899710"}', expected: { ts: 1588205198899.71 } },
    { name: 'zone-less ISO is flagged', input: '{"date":"2020-10-18 07:50:06.220"}', expected: { ts: Date.UTC(2020, 9, 18, 7, 50, 6, 220), 'ts.guess': 'zone' } },
    { name: 'nested ECS keys', input: '{"@timestamp":"2024-01-02T03:04:05Z","source":{"ip":"10.1.1.1","port":443},"user":{"name":"bob"},"event":{"outcome":"success"}}', expected: { 'init.host.ip': '10.1.1.1', 'init.host.port': 443, 'target.usr.name': 'bob', outcome: 'success' } },
    { name: 'schema-named keys go straight through', input: '{"init.host.ip":"10.9.9.9","type":"AUTH","message":"m"}', expected: { 'init.host.ip': '10.9.9.9', type: 'AUTH', message: 'm' } },
    { name: 'a type outside the taxonomy is only data', input: '{"type":"nxlog-mordor"}', expected: { 'data.type': 'nxlog-mordor' } },
    { name: 'null skipped, booleans as text', input: '{"a":null,"b":true,"c":0}', expected: { 'data.b': 'true', 'data.c': '0' } },
    { name: 'MESSAGE upper case', input: '{"MESSAGE":"hello"}', expected: { message: 'hello' } },
  ];
  it.each(cases)('$name', ({ input, expected }) => expect(parse(input)).toMatchObject(expected));

  it('__proto__ and constructor keys are harmless data', () => {
    const ev = parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"x":1}},"toString":"s"}');
    expect(ev['data.__proto__.polluted']).toBe('yes');
    expect(ev['data.constructor.prototype.x']).toBe('1');
    expect(ev['data.toString']).toBe('s');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(ev)).toBe(Object.prototype);
  });

  it('10,000 nesting levels: no stack overflow, the rest kept as JSON text', () => {
    const deep = '{"a":'.repeat(10000) + '1' + '}'.repeat(10000);
    const ev = parse(deep);
    const keys = Object.keys(ev).filter((k) => k.startsWith('data.'));
    expect(keys.length).toBe(1);
    expect(keys[0].split('.').length).toBeLessThan(20);
    expect(String(ev[keys[0]]).length).toBeGreaterThan(40000);
    const arr = '['.repeat(10000) + ']'.repeat(10000);
    expect(parse(`{"x":${arr}}`)['data.x']).toBe(arr);
  });

  it('stringifySafe matches JSON.stringify', () => {
    const v: unknown = { a: [1, 'x', null, { b: true }], 'c"d': 'é\n', e: {} };
    expect(stringifySafe(v)).toBe(JSON.stringify(v));
  });

  it('refuses non-objects and bad JSON (unparsed)', () => {
    expect(json.parse('[1,2]', makeCtx()).ok).toBe(false);
    expect(json.parse('{"a":', makeCtx()).ok).toBe(false);
    expect(json.parse('42', makeCtx()).ok).toBe(false);
  });

  it('a pretty-printed array file through the json framer', () => {
    const res = parseFile(json, '[\n  {"msg": "a"},\n  {"msg": "b"}\n]\n');
    expect(res.events.map((e) => e.message)).toEqual(['a', 'b']);
  });
});
