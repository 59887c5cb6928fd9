import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csv } from '../../../src/parsers/formats/csv.ts';
import { corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { parseFile } from '../../harness/parsers.ts';

describe('csv', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number>[] }[] = [
    { name: 'TSV', input: 'time\tsrc_ip\tmsg\n2024-01-02T03:04:05Z\t10.0.0.1\thello', expected: [{ ts: Date.UTC(2024, 0, 2, 3, 4, 5), 'init.host.ip': '10.0.0.1', message: 'hello' }] },
    { name: 'semicolons', input: 'date;user;status\n2024-01-02 03:04:05;bob;OK', expected: [{ 'target.usr.name': 'bob', outcome: 'success', 'ts.guess': 'zone' }] },
    { name: 'date and time columns', input: 'Date,Time,Content\n2024-01-02,03:04:05,x', expected: [{ ts: Date.UTC(2024, 0, 2, 3, 4, 5) }] },
    { name: 'escaped quotes', input: 'a,b\n"say ""hi""",2', expected: [{ 'data.a': 'say "hi"', 'data.b': '2' }] },
    { name: 'blank lines skipped', input: 'a,b\n\n1,2\n\n', expected: [{ 'data.a': '1' }] },
    { name: '__proto__ column is data', input: '__proto__,constructor\nx,y', expected: [{ 'data.__proto__': 'x', 'data.constructor': 'y' }] },
    { name: 'provenance columns are not taken over', input: 'raw,col.file,parser.name,message\nr,f,p,m', expected: [{ 'data.raw': 'r', 'data.col.file': 'f', message: 'm' }] },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    const res = parseFile(csv, input);
    expect(res.unparsed).toEqual([]);
    expect(res.events).toMatchObject(expected);
    for (const ev of res.events) { expect(ev.raw).toBeUndefined(); expect(ev['col.file']).toBeUndefined(); }
  });

  it('a row with the wrong number of cells is unparsed', () => {
    const res = parseFile(csv, 'a,b\n1,2,3\n4,5');
    expect(res.unparsed.length).toBe(1);
    expect(res.events.length).toBe(1);
  });

  it('loghub *_structured.csv: every row parses', needsCorpus, () => {
    const files = listCorpus('loghub', (p) => p.endsWith('_structured.csv'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const res = parseFile(csv, readFileSync(corpusPath(f), 'utf8'), f);
      expect(res.unparsed.slice(0, 3), f).toEqual([]);
      expect(res.events.length, f).toBe(2000);
    }
  });
});
