import { readFileSync } from 'node:fs';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { describe, expect, it } from 'vitest';
import { squid } from '../../../src/parsers/formats/squid.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('squid cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'parent peer is no target', input: '1157689312.049    100 10.0.0.1 TCP_MISS/200 10 GET http://a.example/ - FIRST_PARENT_MISS/10.9.9.9 text/html', expected: { 'data.peer': '10.9.9.9', 'target.host.name': 'a.example' } },
    { name: 'status 000', input: '1157689312.049      0 10.0.0.1 TAG_NONE/000 0 NONE error:invalid-request - HIER_NONE/- -', expected: { outcome: 'failure', 'web.request.rc': 0 } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(squid, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    '083.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 1',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(squid.parse(r, makeCtx()).ok).toBe(false));
});

describe('squid corpus', needsCorpus, () => {
  it('reads all 100 lines of elastic access1.log', () => {
    const lines = readFileSync(corpusPath('elastic-beats/x-pack/filebeat/module/squid/log/test/access1.log'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    expect(lines.length).toBe(100);
    const ctx = makeCtx();
    for (const l of lines) expect(typeof parseOk(squid, l, ctx)['web.request.rc']).toBe('number');
  });
});
