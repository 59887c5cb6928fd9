// A learned JSON record shape must give exactly what the generic walk gives (flattenInto + applyCommonKeys),
// record after record, whatever the records do: repeat, change one value's kind, reorder keys, add or drop a key,
// nest past the depth cap, give two keys the same flattened name, name keys like schema fields or __proto__.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { applyCommonKeys } from '../../../src/parsers/extract/common.ts';
import { flattenInto, isObject, type JsonObject } from '../../../src/parsers/extract/json.ts';
import { JsonShapes } from '../../../src/parsers/extract/jsonShape.ts';
import { createJsonFramer } from '../../../src/parsers/framing/json.ts';
import { corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { UTC } from '../../harness/parsers.ts';

/** the generic walk, as the json parser did it for every record before shapes were learned */
function generic(o: JsonObject): EventFields {
  const ev: EventFields = {};
  flattenInto(ev, 'data.', o);
  const entries: [string, string][] = Object.keys(ev).map((k) => [k.slice(5), String(ev[k])]);
  applyCommonKeys(ev, entries, UTC);
  return ev;
}

/** every record through one file's shapes, each compared with the generic walk (values, types and key order) */
function sameAsGeneric(records: JsonObject[]): number {
  const shapes = new JsonShapes();
  let viaShape = 0;
  for (const o of records) {
    const got = shapes.read(o, UTC);
    const want = generic(o);
    if (got === undefined) continue;
    viaShape++;
    expect(Object.entries(got)).toEqual(Object.entries(want));
  }
  return viaShape;
}

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as JsonObject);

describe('JsonShapes', () => {
  it('reads repeated records through the learned shape, as the generic walk does', () => {
    const recs = parse(Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ '@timestamp': new Date(Date.UTC(2026, 2, 1, 0, 0, i)).toISOString(), host: `web0${i % 3}`, process: { name: 'sshd', pid: 100 + i }, level: 'info', message: `m${i}` })));
    expect(sameAsGeneric(recs)).toBe(50);
  });

  it('tells kinds apart: null, array, object, scalar, and objects past the depth cap', () => {
    let deep: unknown = { leaf: 1 };
    for (let i = 0; i < 14; i++) deep = { d: deep };
    const recs = parse([
      '{"a":1,"b":{"c":"x"},"d":[1,2],"e":null,"f":true}',
      '{"a":1,"b":{"c":"x"},"d":[1,2],"e":null,"f":true}',
      '{"a":1,"b":null,"d":[1,2],"e":null,"f":true}',
      '{"a":1,"b":{"c":"x"},"d":{"k":[1]},"e":"now set","f":true}',
      '{"a":[],"b":{"c":{"z":1}},"d":[1,2],"e":null,"f":false}',
      '{"a":1,"b":"text","d":[1,2],"e":null,"f":true}',
      '{"b":{"c":"x"},"a":1,"d":[1,2],"e":null,"f":true}',
      '{"a":1,"b":{"c":"x"},"d":[1,2],"e":null}',
      '{"a":1,"b":{"c":"x"},"d":[1,2],"e":null,"f":true,"g":2}',
      '{"a":1,"b":{},"d":[1,2],"e":null,"f":true}',
      JSON.stringify({ deep, a: 1 }),
      JSON.stringify({ deep, a: 1 }),
      JSON.stringify({ deep: { d: { d: 'short now' } }, a: 1 }),
    ]);
    expect(sameAsGeneric(recs)).toBe(recs.length);
  });

  it('keeps the generic answer when two keys flatten to one name or look like schema fields', () => {
    const recs = parse([
      '{"a.b":"first","a":{"b":"second"},"message":"direct","msg":"alias","user":"bob","User":"BOB"}',
      '{"a.b":"first","a":{"b":"second"},"message":"","msg":"alias","user":"","User":"BOB"}',
      '{"__proto__":{"x":1},"constructor":"c","toString":"t","outcome":"FAILED","status":"ok"}',
      '{"__proto__":{"x":2},"constructor":"c","toString":"t","outcome":"weird","status":"ok"}',
      '{"date":"2024-01-02","time":"03:04:05","src_ip":"10.0.0.1","src_port":"x"}',
      '{"date":"2024-01-02","time":"03:04:06","src_ip":"10.0.0.1","src_port":"51515"}',
      '{"ts":"not a time","timestamp":1700000000,"type":"AUTH","level":"warn"}',
      '{"ts":"2024-01-02T00:00:00Z","timestamp":1700000000,"type":"NOPE","level":"warn"}',
      '{"10":"n","2":"m","b":"x"}',
      '{"10":"n","2":"m","b":"y"}',
    ]);
    expect(sameAsGeneric(recs)).toBe(recs.length);
  });

  it('stays bounded: records of ever-new keys fall back to the generic walk', () => {
    const shapes = new JsonShapes();
    let fallbacks = 0;
    for (let i = 0; i < 2000; i++) {
      const o = JSON.parse(`{"k${i}":${i},"m":"x"}`) as JsonObject;
      const got = shapes.read(o, UTC);
      if (got === undefined) fallbacks++;
      else expect(got).toEqual(generic(o));
    }
    expect(fallbacks).toBeGreaterThan(1000);
    const wide = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`w${i}`, i]));
    expect(shapes.read(wide, UTC)).toBeUndefined();
  });

  it('matches the generic walk on every JSON record of the corpus', needsCorpus, () => {
    // text files of JSON records, found by content (the corpus names them .log too)
    const files = listCorpus('.', (rel) => !rel.startsWith('sigma') && !/(_truth\.json|\.(evtx|zip|gz|xml|md))$/i.test(rel))
      .filter((rel) => /^\s*[[{]/.test(readFileSync(corpusPath(rel), 'utf8').slice(0, 64)));
    expect(files.length).toBeGreaterThan(0);
    let records = 0;
    for (const rel of files) {
      const recs: JsonObject[] = [];
      const framer = createJsonFramer();
      const emit = (t: string) => {
        try {
          const v: unknown = JSON.parse(t);
          if (isObject(v)) recs.push(v);
        } catch {
          // not JSON: the parser makes it unparsed; nothing to compare
        }
      };
      readFileSync(corpusPath(rel), 'utf8').split('\n').forEach((line, i) => framer.line(line, i + 1, 0, emit));
      framer.end(emit);
      records += recs.length;
      sameAsGeneric(recs);
    }
    expect(records).toBeGreaterThan(10);
  });
});
