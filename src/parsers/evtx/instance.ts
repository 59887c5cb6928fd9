// The substitution values of one template instance, decoded lazily and once each (walk.ts reads them).
// An array value repeats its element per item; a BinXML (0x21) value is a fragment walked on demand.
import { BinXmlReader, type ChunkCtx, type TChild, type Values } from './binxml.ts';
import { array, scalar, VT } from './values.ts';

/** An array value: its items. */
export class Items {
  constructor(readonly items: string[]) {}
}
/** A BinXML value: its nodes; `walked` once its problems were reported (a second walk stays quiet). */
export class Frag {
  walked = false;
  constructor(readonly nodes: TChild[]) {}
}
export type Decoded = null | string | Items | Frag;

/** The values of one template instance, decoded on first use. */
export class Inst {
  readonly cache: (Decoded | undefined)[];
  constructor(readonly v: Values) {
    this.cache = new Array<Decoded | undefined>(v.types.length);
  }
}

/**
 * Value `id` of the instance, decoded on first use. A BinXML value that cannot be read is kept as bytes and
 * `problem` is told why.
 */
export function decodeValue(c: ChunkCtx, inst: Inst, id: number, problem: (why: string) => void): Decoded {
  const v = inst.v;
  if (id >= v.types.length) return null;
  const hit = inst.cache[id];
  if (hit !== undefined) return hit;
  const type = v.types[id], off = v.offs[id], size = v.sizes[id];
  let d: Decoded;
  if (type === VT.Null) d = null;
  else if (type === VT.BinXml) {
    const reader = new BinXmlReader(c);
    const nodes = reader.readFragment(off, off + size, true);
    if (reader.error) {
      problem(`nested BinXML value: ${reader.error}`);
      d = scalar(c.bytes, c.dv, off, size, VT.Binary);
    } else d = new Frag(nodes);
  } else if (type & VT.ArrayFlag) d = new Items(array(c.bytes, c.dv, off, size, type));
  else d = scalar(c.bytes, c.dv, off, size, type);
  inst.cache[id] = d;
  return d;
}
