import { describe, expect, it } from 'vitest';
import { createCsvFramer } from '../../../src/parsers/framing/csv.ts';
import { createFramer } from '../../../src/parsers/framing/index.ts';
import { frameText } from '../../harness/parsers.ts';

const texts = (input: string) => frameText(createCsvFramer(), input).map((r) => r.text);

const cases: { name: string; input: string; expected: string[] }[] = [
  { name: 'one record per line', input: 'a,b\n1,2\n', expected: ['a,b', '1,2'] },
  { name: 'quoted field with a line break', input: 'a,b\n"x\ny",2\n3,4', expected: ['a,b', '"x\ny",2', '3,4'] },
  { name: 'escaped quotes inside a multi-line field', input: '1,"he said ""hi""\nthen ""bye""",3\n4,5', expected: ['1,"he said ""hi""\nthen ""bye""",3', '4,5'] },
  { name: 'stray quote inside an unquoted field', input: 'a,b"c,d\n1,2', expected: ['a,b"c,d', '1,2'] },
  { name: 'tab separated', input: 'a\tb\n1\t"x\ny"', expected: ['a\tb', '1\t"x\ny"'] },
  { name: 'unclosed quote emitted at end', input: 'a,b\n1,"open\nmore', expected: ['a,b', '1,"open\nmore'] },
];

describe('CSV framer', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(texts(input)).toEqual(expected);
  });
  it('is the framer behind framing "csv"', () => {
    const recs = frameText(createFramer('csv'), 'h\n"a\nb"\nc');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});
