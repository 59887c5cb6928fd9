// walk.ts (one pass over the template) must give exactly what the tree path gives: tree.ts instantiate, then
// render.ts renderXml and fields.ts eventFields. Checked on hand-made templates that hit each quirk, and record
// by record on the corpus and on damaged copies of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newChunkCtx, type TAttr, type TChild, type TElement, type TSub } from '../../src/parsers/evtx/binxml.ts';
import { eventFields } from '../../src/parsers/evtx/fields.ts';
import { EvtxStream } from '../../src/parsers/evtx/file.ts';
import { renderXml } from '../../src/parsers/evtx/render.ts';
import { instantiate } from '../../src/parsers/evtx/tree.ts';
import { RecordWalker } from '../../src/parsers/evtx/walk.ts';
import { corpusPath, listCorpus, needsCorpus } from '../harness/corpus.ts';
import { damage } from './evtx-digest.ts';

type V = null | string | string[] | { type: number; bytes: number[] };

/** Substitution values -> chunk bytes and the Values table (strings UTF-16 with a trailing NUL). */
function valuesCtx(values: V[]) {
  const bytes: number[] = [];
  const types: number[] = [], offs: number[] = [], sizes: number[] = [];
  const utf16 = (s: string) => { for (const ch of s) { const c = ch.charCodeAt(0); bytes.push(c & 0xff, c >> 8); } };
  for (const v of values) {
    offs.push(bytes.length);
    const start = bytes.length;
    if (v === null) types.push(0);
    else if (typeof v === 'string') { types.push(1); utf16(`${v}\0`); }
    else if (Array.isArray(v)) { types.push(0x81); for (const s of v) utf16(`${s}\0`); }
    else { types.push(v.type); bytes.push(...v.bytes); }
    sizes.push(bytes.length - start);
  }
  return { ctx: newChunkCtx(new Uint8Array(bytes)), values: { types, offs, sizes } };
}

const sub = (id: number, optional = false): TSub => ({ k: 2, id, type: 1, optional });
const el = (name: string, attrs: [string, ...(string | TSub)[]][], children: TChild[]): TElement =>
  ({ k: 0, name, attrs: attrs.map(([n, ...parts]): TAttr => ({ name: n, parts })), children, plan: undefined });
const event = (...sections: TElement[]) => el('Event', [['xmlns', 'http://schemas.microsoft.com/win/2004/08/events/event']], sections);
const system = el('System', [], [
  el('Provider', [['Name', sub(0)], ['Guid', sub(1, true)]], []),
  el('EventID', [['Qualifiers', sub(2, true)]], [sub(3)]),
  el('TimeCreated', [['SystemTime', sub(4)]], []),
]);
const sysValues: V[] = ['Prov', null, null, '4624', { type: 0x11, bytes: [0x7b, 0x2f, 0x8a, 0x9c, 0x8d, 0xde, 0xd4, 0x01] }];

const cases: { name: string; tree: TChild[]; values: V[] }[] = [
  { name: 'array value repeats its element; an empty array gives one empty element',
    tree: [event(system, el('EventData', [], [el('Data', [['Name', 'A']], [sub(5)]), el('Data', [['Name', 'B']], [sub(6)])]))],
    values: [...sysValues, ['x', 'y<'], []] },
  { name: 'optional NULL drops the attribute; empty string gives <X/>; attribute from text and value',
    tree: [event(system, el('EventData', [], [el('Data', [['Name', 'A'], ['Extra', 'p-', sub(5)]], [sub(6)]), el('Data', [['Name', 'B']], [sub(7, true)])]))],
    values: [...sysValues, 'q"', '', null] },
  { name: 'unnamed Data, other EventData children, repeated names',
    tree: [event(system, el('EventData', [], [el('Data', [], [sub(5)]), el('Data', [], [sub(6)]), el('Binary', [], [sub(7)]), el('Data', [['Name', 'EventID']], ['lit&'])]))],
    values: [...sysValues, 'one', 'two\nlines', { type: 0x0e, bytes: [1, 2, 0xab] }] },
  { name: 'UserData leaves, xmlns attributes, nested leaves, CDATA and PI',
    tree: [event(system, el('UserData', [], [el('LogFileCleared', [['xmlns', 'urn:x'], ['Ver', sub(5)]], [
      el('SubjectUserName', [], [sub(6)]), el('Inner', [], [el('Deep', [['a', '1']], [{ k: 3, text: 'cd]]>ata' }])]), { k: 4, target: 'pi', data: 'x?>y' },
    ])]))],
    values: [...sysValues, { type: 0x08, bytes: [7, 0, 0, 0] }, 'bob'] },
  { name: 'System after another section: fields rebuilt in tree order',
    tree: [event(el('EventData', [], [el('Data', [['Name', 'EventID']], [sub(5)])]), system)],
    values: [...sysValues, 'early'] },
  { name: 'repeated attribute names and an unknown section',
    tree: [event(system, el('Custom', [['a b', sub(5, true)], ['a_b', 'second'], ['a b', 'third']], [sub(6)]))],
    values: [...sysValues, null, 'text'] },
  { name: 'substitution ids past the values, values at the top level, no Event',
    tree: [el('Other', [['x', sub(9)]], [sub(8)]), sub(0), 'tail'],
    values: [...sysValues] },
];

function viaTree(ctx: ReturnType<typeof newChunkCtx>, tree: TChild[]) {
  const problems: string[] = [];
  const nodes = instantiate(ctx, tree, problems);
  return { xml: renderXml(nodes), fields: Object.entries(eventFields(nodes)), problems };
}

function viaWalker(w: RecordWalker, ctx: ReturnType<typeof newChunkCtx>, tree: TChild[]) {
  w.run(ctx, tree);
  const f = w.fields;
  const fields: [string, string][] = [];
  for (let i = 0; i < f.count; i++) {
    expect(f.keys[i]).toBe(`data.${f.names[i]}`);
    expect(f.get(f.names[i])).toBe(f.values[i]);
    fields.push([f.names[i], f.values[i]]);
  }
  return { xml: w.xml, fields, problems: w.problems };
}

describe('RecordWalker gives what the tree path gives', () => {
  it.each(cases)('$name', ({ tree, values }) => {
    const { ctx, values: vals } = valuesCtx(values);
    const inst: TChild[] = [{ k: 5, nodes: tree, values: vals }];
    const w = new RecordWalker();
    const want = viaTree(ctx, inst);
    expect(viaWalker(w, ctx, inst)).toEqual(want);
    expect(viaWalker(w, ctx, inst)).toEqual(want); // the walker is reused record after record
  });

  // the walker merges constant markup into the piece before it and remembers the merge per element (plan.ts
  // Merge): records of one template whose values turn empty, NULL or present must still give their own XML
  it('one template, records whose values come and go', () => {
    const tree = [event(system, el('EventData', [], [
      el('Data', [['Name', 'A']], [sub(5)]), el('Data', [['Name', 'B']], [sub(6)]),
      el('Data', [['Opt', sub(7, true)], ['Name', 'C']], [sub(8)]), el('Data', [['Name', 'D']], []),
      el('Extra', [['x', sub(5)], ['y', sub(7, true)]], [sub(6), 'lit', sub(8)]),
    ]))];
    const records: V[][] = [
      [...sysValues, 'a', 'b', 'o', 'c'], [...sysValues, '', 'b', null, ''], [...sysValues, 'a', '', 'o', ''],
      [...sysValues, '', '', null, 'c<'], [...sysValues, 'a', 'b', 'o', 'c'], [...sysValues, ['i', 'j'], '', 'o', 'c'],
    ];
    const w = new RecordWalker();
    for (const values of [...records, ...records.reverse()]) {
      const { ctx, values: vals } = valuesCtx(values);
      const inst: TChild[] = [{ k: 5, nodes: tree, values: vals }];
      expect(viaWalker(w, ctx, inst)).toEqual(viaTree(ctx, inst));
    }
  });

  it('record by record on the corpus and damaged copies', { ...needsCorpus, timeout: 60_000 }, () => {
    let n = 0;
    const w = new RecordWalker();
    const sink = { unparsed: () => {}, issue: () => {} };
    for (const rel of listCorpus('.', (p) => p.endsWith('.evtx'))) {
      const bytes = new Uint8Array(readFileSync(corpusPath(rel)));
      for (let seed = 0; seed <= 6; seed++) {
        const stream = new EvtxStream((ctx, nodes) => {
          expect(viaWalker(w, ctx, nodes)).toEqual(viaTree(ctx, nodes));
          n++;
        }, sink);
        stream.push(seed ? damage(bytes, seed * 7919 + rel.length, seed * 3) : bytes);
        stream.finish();
      }
    }
    expect(n).toBeGreaterThan(3000);
  });
});
