// Template + substitution values -> the concrete XML tree of one record. The EVTX parser renders records with
// walk.ts (same result, no tree); this stays the reference walk.ts is tested against and its rare fallback.
// Reference: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// ("Normal substitution", "Optional substitution") and MS-EVEN6 2.2.12.
// Example: <Data Name="TargetUserName">%5</Data> with value 5 = "admin" -> <Data Name="TargetUserName">admin</Data>.
// Quirks:
// - an array value repeats the element that holds it, once per item (an empty array gives one empty element);
// - an optional substitution whose value is NULL drops the attribute it fills (<Correlation/>, not ActivityID="");
// - a BinXML (0x21) value is a fragment of its own, read on demand with the chunk's names and templates.
import { BinXmlReader, type ChunkCtx, type TCData, type TChild, type TElement, type TPI, type Values } from './binxml.ts';
import { array, scalar, VT } from './values.ts';

export interface XAttr { name: string; value: string }
export interface XElement { k: 0; name: string; attrs: XAttr[]; children: XNode[] }
export type XNode = XElement | TCData | TPI | string;

type Decoded = null | string | { items: string[] } | { xml: XNode[] };

/** Lazily decodes (and caches) the values of one template instance. */
class Instance {
  private readonly cache: (Decoded | undefined)[];
  constructor(private readonly c: ChunkCtx, private readonly v: Values, private readonly problems: string[]) {
    this.cache = new Array<Decoded | undefined>(v.types.length);
  }

  get(id: number): Decoded {
    if (id >= this.v.types.length) return null;
    const hit = this.cache[id];
    if (hit !== undefined) return hit;
    const d = this.decode(this.v.types[id], this.v.offs[id], this.v.sizes[id]);
    this.cache[id] = d;
    return d;
  }

  private decode(type: number, off: number, size: number): Decoded {
    const { bytes, dv } = this.c;
    if (type === VT.Null) return null;
    if (type === VT.BinXml) {
      const reader = new BinXmlReader(this.c);
      const nodes = reader.readFragment(off, off + size, true);
      if (reader.error) {
        this.problems.push(`nested BinXML value: ${reader.error}`);
        return scalar(bytes, dv, off, size, VT.Binary);
      }
      const out: XNode[] = [];
      build(this.c, nodes, this, out, this.problems);
      return { xml: out };
    }
    if (type & VT.ArrayFlag) return { items: array(bytes, dv, off, size, type) };
    return scalar(bytes, dv, off, size, type);
  }
}

function text(d: Decoded): string {
  if (d === null) return '';
  if (typeof d === 'string') return d;
  if ('items' in d) return d.items.join(', ');
  return d.xml.map(textOf).join('');
}

/** Concatenated text of a node (what an XPath string() would give). */
export function textOf(n: XNode): string {
  if (typeof n === 'string') return n;
  if (n.k === 0) {
    let s = '';
    for (const c of n.children) s += textOf(c);
    return s;
  }
  return n.k === 3 ? n.text : '';
}

function element(c: ChunkCtx, t: TElement, inst: Instance | undefined, out: XNode[], problems: string[]): void {
  if (inst) {
    for (const ch of t.children) {
      if (typeof ch === 'string' || ch.k !== 2) continue;
      const d = inst.get(ch.id);
      if (d !== null && typeof d === 'object' && 'items' in d) {
        const items = d.items.length ? d.items : [''];
        for (const item of items) out.push(one(c, t, inst, problems, ch.id, item));
        return;
      }
    }
  }
  out.push(one(c, t, inst, problems, -1, ''));
}

function one(c: ChunkCtx, t: TElement, inst: Instance | undefined, problems: string[], itemId: number, item: string): XElement {
  const attrs: XAttr[] = [];
  for (const a of t.attrs) {
    let value = '';
    let drop = false;
    for (const p of a.parts) {
      if (typeof p === 'string') value += p;
      else {
        const d = inst ? inst.get(p.id) : null;
        if (d === null && p.optional) drop = true;
        value += text(d);
      }
    }
    if (!drop || value !== '') attrs.push({ name: a.name, value });
  }
  const children: XNode[] = [];
  for (const ch of t.children) {
    if (typeof ch === 'string') children.push(ch);
    else if (ch.k === 2) {
      if (ch.id === itemId) {
        if (item !== '') children.push(item);
        continue;
      }
      const d = inst ? inst.get(ch.id) : null;
      if (d === null) continue;
      if (typeof d === 'string') {
        if (d !== '') children.push(d);
      } else if ('xml' in d) {
        for (const x of d.xml) children.push(x);
      } else children.push(d.items.join(', '));
    } else build(c, [ch], inst, children, problems);
  }
  return { k: 0, name: t.name, attrs, children };
}

function build(c: ChunkCtx, nodes: TChild[], inst: Instance | undefined, out: XNode[], problems: string[]): void {
  for (const n of nodes) {
    if (typeof n === 'string') out.push(n);
    else if (n.k === 0) element(c, n, inst, out, problems);
    else if (n.k === 5) build(c, n.nodes, new Instance(c, n.values, problems), out, problems);
    else if (n.k === 2) {
      const d = inst ? inst.get(n.id) : null;
      if (d !== null && typeof d === 'object' && 'xml' in d) for (const x of d.xml) out.push(x);
      else if (d !== null) out.push(text(d));
    } else out.push(n);
  }
}

/**
 * The concrete XML nodes of a record's BinXML. `problems` collects what could not be decoded inside values
 * (the record is still usable).
 */
export function instantiate(c: ChunkCtx, nodes: TChild[], problems: string[]): XNode[] {
  const out: XNode[] = [];
  build(c, nodes, undefined, out, problems);
  return out;
}
