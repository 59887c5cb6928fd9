// The direct write path (parsers/eventWriter.ts, chunk/rowWriter.ts, ChunkBuilder.addWritten) must build exactly
// the chunks the object path builds from the same records: same columns in the same order, same values, same
// dictionary (and case) ids, in every form the builder has (strings as the CLI builds; bytes and spans of raw and
// case ids as the ingest worker builds). Records: syslog3164's samples and edge lines, and the corpus's syslog files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { YearGuesser, type TimeSettings } from '../../../src/core/time.ts';
import { fieldSlot, ObjectWriter } from '../../../src/parsers/eventWriter.ts';
import { syslog3164 } from '../../../src/parsers/formats/syslog3164.ts';
import type { ParseContext, TextParser } from '../../../src/parsers/types.ts';
import { ChunkBuilder, TEXT_FIELDS } from '../../../src/workers/chunk/chunk.ts';
import { CaseDictBuilder } from '../../../src/workers/chunk/caseIds.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { SPAN_FIELDS } from '../../../src/workers/chunk/rawSpans.ts';
import { RowWriter } from '../../../src/workers/chunk/rowWriter.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { REFERENCE_MS } from '../../harness/ingest.ts';

const RAW = fieldSlot('raw'), LINE = fieldSlot('col.line'), OFFSET = fieldSlot('col.offset');

type Form = 'strings' | 'bytes' | 'caseIds';

function builderOf(form: Form, capacity: number): ChunkBuilder {
  if (form === 'strings') return new ChunkBuilder(capacity);
  return new ChunkBuilder(capacity, TEXT_FIELDS, SPAN_FIELDS, form === 'caseIds' ? new CaseDictBuilder() : undefined);
}

function contextOf(): ParseContext {
  const time: TimeSettings = { tzOffsetMinutes: 0, referenceMs: REFERENCE_MS };
  return { file: 'auth.log', time, years: new YearGuesser(time), state: new Map() };
}

/** The lines read both ways, as ingestFile does: refused lines are left out of both. */
function bothWays(parser: TextParser, lines: readonly string[], form: Form, capacity = 16): { byObject: WireChunk[]; byWriting: WireChunk[]; refused: number } {
  const write = parser.write;
  if (write === undefined) throw new Error(`${parser.id} has no write()`);
  const a = builderOf(form, capacity), b = builderOf(form, capacity);
  const constants = { 'col.file': 'auth.log', 'parser.name': parser.id, 'parser.version': parser.version };
  a.setConstants(constants);
  b.setConstants(constants);
  const ctxA = contextOf(), ctxB = contextOf();
  const row = new RowWriter();
  const byObject: WireChunk[] = [], byWriting: WireChunk[] = [];
  let refused = 0;
  lines.forEach((line, i) => {
    const r = parser.parse(line, ctxA);
    const why = write(line, ctxB, row);
    expect(why, line).toBe(r.ok ? undefined : r.error);
    if (!r.ok || why !== undefined) {
      row.discard();
      refused++;
      return;
    }
    const ev: EventFields = r.value;
    ev.raw = line;
    ev['col.line'] = i + 1;
    ev['col.offset'] = i * 100;
    a.add(ev);
    row.set(RAW, line);
    row.set(LINE, i + 1);
    row.set(OFFSET, i * 100);
    b.addWritten(row);
    row.discard();
    if (a.full) byObject.push(a.buildWire(1, byObject.length));
    if (b.full) byWriting.push(b.buildWire(1, byWriting.length));
  });
  if (a.size > 0) byObject.push(a.buildWire(1, byObject.length));
  if (b.size > 0) byWriting.push(b.buildWire(1, byWriting.length));
  return { byObject, byWriting, refused };
}

function expectSameChunks(parser: TextParser, lines: readonly string[], capacity?: number): number {
  let refused = 0;
  for (const form of ['strings', 'bytes', 'caseIds'] as const) {
    const r = bothWays(parser, lines, form, capacity);
    expect(r.byWriting.length, form).toBe(r.byObject.length);
    for (let i = 0; i < r.byObject.length; i++) {
      // column order too: the index creates its fields in it
      expect(Object.keys(r.byWriting[i].columns), `${form} chunk ${i}`).toEqual(Object.keys(r.byObject[i].columns));
      expect(r.byWriting[i], `${form} chunk ${i}`).toEqual(r.byObject[i]);
    }
    refused = r.refused;
  }
  return refused;
}

const EDGE_LINES = [
  ...syslog3164.samples.map((s) => s.input),
  'not a syslog line at all',
  'Foo 10 10:00:00 host app: an unknown month',
  '<999>Mar  3 14:02:11 host app[1]: a priority past the facility table',
  'Mar  3 14:02:11 host kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.1 DST=10.0.0.1 PROTO=UDP SPT=53 DPT=5353 X=1 __PROTO__=2',
  'Mar  3 14:02:11 host sshd[2]: Failed password for invalid user __proto__ from 10.1.2.3 port 22 ssh2',
  'Mar  3 14:02:11 host sshd[2]: message with a wide character \u4e2d and Latin-1 \u00e9',
  'Mar  3 14:02:11.5 2024 host app: fraction and year',
];

describe('the direct write path builds the chunks the object path builds', () => {
  it('for syslog3164\'s samples and edge lines, in chunks of 4 and 16 rows', () => {
    expect(expectSameChunks(syslog3164, EDGE_LINES, 4)).toBe(2);
    expect(expectSameChunks(syslog3164, EDGE_LINES, 16)).toBe(2);
  });

  it('for the corpus\'s auth logs', needsCorpus, () => {
    for (const rel of ['loghub/OpenSSH/OpenSSH_2k.log', 'loghub/Linux/Linux_2k.log', 'elastic-beats/filebeat/module/system/auth/test/test.log']) {
      const lines = readFileSync(corpusPath(rel), 'utf8').split('\n').filter((l) => l !== '');
      expectSameChunks(syslog3164, lines, 500);
    }
  });
});

describe('RowWriter', () => {
  const A = fieldSlot('app.name'), MSG = fieldSlot('message'), PORT = fieldSlot('init.host.port');

  it('keeps a field written twice at its first place with its last value, and takes no case id for the value it replaced', () => {
    const dict = new CaseDictBuilder();
    const b = new ChunkBuilder(8, TEXT_FIELDS, SPAN_FIELDS, dict);
    const row = new RowWriter();
    row.set(A, 'first');
    row.set(MSG, 'hello');
    row.set(A, 'second');
    expect([...row.slots.subarray(0, row.count)]).toEqual([A, MSG]);
    expect(row.get(A)).toBe('second');
    row.set(RAW, 'hello');
    b.addWritten(row);
    row.discard();
    expect(row.count).toBe(0);
    expect(row.get(A)).toBeUndefined();
    const chunk = b.buildWire(1, 0);
    const app = chunk.columns['app.name'];
    expect(app).toMatchObject({ kind: 'dict', caseFrom: 0, dictText: 'second' });
    expect(dict.field('app.name').find('first')).toBeUndefined();
  });

  it('writes a number given as text to a numeric column as the object path does', () => {
    const a = new ChunkBuilder(4), b = new ChunkBuilder(4);
    const row = new RowWriter();
    row.set(PORT, '22');
    row.set(RAW, 'x');
    b.addWritten(row);
    a.add({ 'init.host.port': '22', raw: 'x' });
    expect(b.build(1, 0)).toEqual(a.build(1, 0));
  });

  it('is what ObjectWriter gives as an object: same keys in the same order', () => {
    const o = new ObjectWriter();
    o.set(A, 'first');
    o.set(MSG, 'hello');
    o.set(A, 'second');
    expect(Object.entries(o.fields)).toEqual([['app.name', 'second'], ['message', 'hello']]);
    expect(o.get(MSG)).toBe('hello');
  });
});
