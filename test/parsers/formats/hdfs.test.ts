import { describe, expect, it } from 'vitest';
import { hdfs } from '../../../src/parsers/formats/hdfs.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('hdfs cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'negative block id', input: '081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_-6952295868487656571 terminating', expected: { 'data.block': 'blk_-6952295868487656571' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(hdfs, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '2016-09-28 04:30:30, Info                  CBS    x',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(hdfs.parse(r, makeCtx()).ok).toBe(false));
});
