// binxml.ts shares a template read in an earlier chunk (by GUID and size) only when the two are identical:
// a file may give two different templates one GUID, and each must then render its own markup.
import { describe, expect, it } from 'vitest';
import { sameNodes, type TAttr, type TChild, type TElement, type TSub } from '../../src/parsers/evtx/binxml.ts';

const sub = (id: number, optional = false, type = 1): TSub => ({ k: 2, id, type, optional });
const el = (name: string, attrs: [string, ...(string | TSub)[]][], children: TChild[]): TElement =>
  ({ k: 0, name, attrs: attrs.map(([n, ...parts]): TAttr => ({ name: n, parts })), children, plan: undefined });
const template = (o: { name?: string; attr?: string; text?: string; sub?: TSub; cdata?: string } = {}): TChild[] => [
  el('Event', [['xmlns', 'urn:e']], [el('EventData', [], [
    el(o.name ?? 'Data', [[o.attr ?? 'Name', 'A']], [o.sub ?? sub(0)]), o.text ?? 'text', { k: 3, text: o.cdata ?? 'c' },
  ])]),
];

describe('sameNodes', () => {
  it('holds for two reads of one template (new strings, plans or not)', () => {
    const a = template(), b = template();
    (a[0] as TElement).plan = {};
    expect(sameNodes(a, b)).toBe(true);
  });

  it.each([
    ['element name', { name: 'Date' }], ['attribute name', { attr: 'name' }], ['text', { text: 'texT' }],
    ['substitution id', { sub: sub(1) }], ['optional flag', { sub: sub(0, true) }], ['value type', { sub: sub(0, false, 8) }],
    ['CDATA', { cdata: 'd' }],
  ] as const)('tells a different %s apart', (_what, change) => {
    expect(sameNodes(template(), template(change))).toBe(false);
  });

  it('tells more or fewer nodes apart, and never shares a template holding an instance', () => {
    expect(sameNodes(template(), [...template(), 'x'])).toBe(false);
    const inst: TChild = { k: 5, nodes: [], values: { types: [], offs: [], sizes: [] } };
    expect(sameNodes([inst], [inst])).toBe(false);
  });
});
