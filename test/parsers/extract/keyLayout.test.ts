// The learned key layout must name fields exactly as concatenation does, for any keys (log text), and stop
// learning past its bound without changing a name.
import { describe, expect, it } from 'vitest';
import { KeyLayout, KeyMemo } from '../../../src/parsers/extract/keyLayout.ts';
import { flattenInto } from '../../../src/parsers/extract/json.ts';
import type { EventFields } from '../../../src/core/schema.ts';

describe('KeyLayout', () => {
  it('names keys and nested keys as prefix + path', () => {
    const l = new KeyLayout('data.');
    expect(l.name('host')).toBe('data.host');
    expect(l.child('process').name('name')).toBe('data.process.name');
    expect(l.child('process').child('parent').name('pid')).toBe('data.process.parent.pid');
    expect(l.name('__proto__')).toBe('data.__proto__');
    expect(l.child('constructor').name('x')).toBe('data.constructor.x');
  });

  it('gives the same names past its bound (ever-new keys)', () => {
    const l = new KeyLayout('p.');
    for (let i = 0; i < 5000; i++) expect(l.name(`k${i}`)).toBe(`p.k${i}`);
    for (let i = 0; i < 5000; i += 97) expect(l.child(`c${i}`).name('v')).toBe(`p.c${i}.v`);
  });

  it('KeyMemo computes each key once while within its bound', () => {
    let calls = 0;
    const m = new KeyMemo((k) => { calls++; return k.length; });
    for (let r = 0; r < 3; r++) for (const k of ['a', 'bb', 'ccc']) m.get(k);
    expect(calls).toBe(3);
    expect(m.get('dddd')).toBe(4);
  });
});

describe('flattenInto through the layout', () => {
  it('flattens records of changing shapes as a plain walk would', () => {
    const records = [
      { a: 1, b: { c: 'x', d: [1, 2] }, e: null },
      { b: { c: 'y', f: { g: true } }, a: 'z', 'b.c': 'dotted' },
      { h: { i: { j: { k: 1 } } } },
    ];
    const out = records.map((r) => {
      const ev: EventFields = {};
      flattenInto(ev, 'data.', r, 2);
      return ev;
    });
    expect(out).toEqual([
      { 'data.a': '1', 'data.b.c': 'x', 'data.b.d': '[1,2]' },
      { 'data.b.c': 'dotted', 'data.b.f': '{"g":true}', 'data.a': 'z' },
      { 'data.h.i': '{"j":{"k":1}}' },
    ]);
  });
});
