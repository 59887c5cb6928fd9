import { describe, expect, it } from 'vitest';
import { createJsonFramer } from '../../../src/parsers/framing/json.ts';
import { createFramer } from '../../../src/parsers/framing/index.ts';
import { frameText } from '../../harness/parsers.ts';

const texts = (input: string) => frameText(createJsonFramer(), input).map((r) => r.text);

const cases: { name: string; input: string; expected: string[] }[] = [
  { name: 'JSON lines', input: '{"a":1}\n{"a":2}\n', expected: ['{"a":1}', '{"a":2}'] },
  { name: 'CRLF JSON lines and blank lines', input: '{"a":1}\r\n\r\n{"a":2}\r\n', expected: ['{"a":1}', '{"a":2}'] },
  { name: 'values back to back on one line', input: '{"a":1}{"a":2} {"a":3}', expected: ['{"a":1}', '{"a":2}', '{"a":3}'] },
  { name: 'pretty-printed value', input: '{\n  "a": {\n    "b": [1, 2]\n  }\n}\n{"c":3}', expected: ['{\n  "a": {\n    "b": [1, 2]\n  }\n}', '{"c":3}'] },
  { name: 'top-level array on one line', input: '[{"a":1},{"a":2}, {"a":[3,{"b":4}]}]', expected: ['{"a":1}', '{"a":2}', '{"a":[3,{"b":4}]}'] },
  { name: 'pretty top-level array', input: '[\n  {\n    "a": 1\n  },\n  {\n    "a": 2\n  }\n]\n', expected: ['{\n    "a": 1\n  }', '{\n    "a": 2\n  }'] },
  { name: 'empty array', input: '[]\n{"a":1}', expected: ['{"a":1}'] },
  { name: 'array of scalars', input: '[1, "x,]", true]', expected: ['1', '"x,]"', 'true'] },
  { name: 'CloudTrail Records file', input: '{"Records":[{"eventName":"A"},{"eventName":"B"}]}', expected: ['{"eventName":"A"}', '{"eventName":"B"}'] },
  { name: 'CloudTrail pretty', input: '{\n  "Records" : [\n    {"eventName":"A"},\n    {"eventName":"B"}\n  ]\n}\n', expected: ['{"eventName":"A"}', '{"eventName":"B"}'] },
  { name: 'Records wrapper with a trailing key', input: '{"Records":[{"x":1}],"next":{"y":"}"}}\n{"z":1}', expected: ['{"x":1}', '{"z":1}'] },
  { name: 'Records key not first: an ordinary object', input: '{"a":1,"Records":[{"x":1}]}', expected: ['{"a":1,"Records":[{"x":1}]}'] },
  { name: 'key named RecordsX: ordinary', input: '{"RecordsX":[1]}', expected: ['{"RecordsX":[1]}'] },
  { name: 'braces inside strings', input: '{"m":"a } b { c ] ["}\n{"m":"x"}', expected: ['{"m":"a } b { c ] ["}', '{"m":"x"}'] },
  { name: 'escaped quotes', input: '{"m":"say \\"}\\" now","n":"\\\\"}\n{"o":1}', expected: ['{"m":"say \\"}\\" now","n":"\\\\"}', '{"o":1}'] },
  { name: 'garbage line kept as a record', input: 'not json at all\n{"a":1}', expected: ['not json at all', '{"a":1}'] },
  { name: 'truncated line (open string) does not swallow the next', input: '{"a":"trunc\n{"b":2}\n', expected: ['{"a":"trunc', '{"b":2}'] },
  { name: 'never closed: emitted at end', input: '{"a": {\n "b": 1\n', expected: ['{"a": {\n "b": 1'] },
  { name: 'BOM before the first value', input: '\ufeff{"a":1}', expected: ['{"a":1}'] },
];

describe('JSON framer', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(texts(input)).toEqual(expected);
  });

  it('is the framer behind framing "json"', () => {
    expect(frameText(createFramer('json'), '[{"a":1},{"a":2}]').length).toBe(2);
  });

  it('gives the same records however the value is cut into lines', () => {
    const compact = '[{"a":1,"s":"x y"},{"b":[1,2,{"c":"}"}]},{"d":null}]';
    const want = texts(compact).map((t) => JSON.parse(t) as unknown);
    // break the text at every space-free structural position (after , [ { :) into separate lines
    for (let cut = 1; cut < compact.length; cut++) {
      const ch = compact[cut - 1];
      if (!',[{:'.includes(ch)) continue;
      const got = texts(compact.slice(0, cut) + '\n' + compact.slice(cut)).map((t) => JSON.parse(t) as unknown);
      expect(got, `cut at ${cut}`).toEqual(want);
    }
  });

  it('reports the line and byte offset of each record', () => {
    const recs = frameText(createJsonFramer(), '{"é":1} {"b":2}\n[\n {"c":3}]');
    expect(recs.map((r) => [r.line, r.offset])).toEqual([[1, 0], [1, 9], [3, 20]]);
  });

  it('splits a large one-line array without joining (slices of the line)', () => {
    const n = 20000;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`{"i":${i},"m":"rec ${i} with {braces} and \\"quotes\\""}`);
    const line = '[' + parts.join(',') + ']';
    const recs = texts(line);
    expect(recs.length).toBe(n);
    expect((JSON.parse(recs[n - 1]) as { i: number }).i).toBe(n - 1);
  });
});
