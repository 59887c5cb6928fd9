import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cef, cefExtension } from '../../../src/parsers/formats/cef.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('cef cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'escaped backslash in header', input: 'CEF:0|V|P|1|id|a \\\\ b|5|src=1.2.3.4', expected: { 'alarm.name': 'a \\ b' } },
    { name: 'newline escape in value', input: 'CEF:0|V|P|1|id|n|5|msg=line1\\nline2 src=1.2.3.4', expected: { message: 'line1\nline2' } },
    { name: 'epoch rt', input: 'CEF:0|V|P|1|id|n|5|rt=1700000000123', expected: { ts: 1700000000123 } },
    { name: 'RFC 5424 header', input: '<134>1 2024-01-01T00:00:00Z fw01 CEF:0|V|P|1|id|n|5|src=1.2.3.4', expected: { 'obs.host.name': 'fw01', ts: Date.UTC(2024, 0, 1) } },
    { name: '__proto__ key', input: 'CEF:0|V|P|1|id|n|5|__proto__=x constructor=y', expected: { 'data.__proto__': 'x', 'data.constructor': 'y' } },
    { name: 'empty extension', input: 'CEF:0|V|P|1|id|n|5|', expected: { 'alarm.name': 'n', type: 'IDS' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(cef, c.input)).toMatchObject(c.expected));

  it('refuses a short header', () => expect(cef.parse('CEF:0|V|P|1', makeCtx()).ok).toBe(false));
  it('__proto__ does not pollute', () => {
    const ev = parseOk(cef, 'CEF:0|V|P|1|id|n|5|__proto__=x');
    expect(Object.getPrototypeOf(ev)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it('splits the extension at keys only', () => {
    expect(cefExtension('a=b c d=e\\=f g')).toEqual([['a', 'b c'], ['d', 'e=f g']]);
  });
  it('reads every line of elastic cef.log', needsCorpus, () => {
    const lines = readFileSync(corpusPath('elastic-beats/x-pack/filebeat/module/cef/log/test/cef.log'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    expect(lines.length).toBe(4);
    for (const l of lines) expect(parseOk(cef, l)['app.name']).toBe('Vaporware');
  });
});
