// BinXML token reader: turns the binary XML of a record (and the template definitions it points to) into a
// small tree whose leaves may be substitutions, filled per record from the template instance's values.
// Reference: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// ("Binary XML") and MS-EVEN6 2.2.12 https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-even6/
// Example record body: 0F 01 01 00 (fragment header) 0C 01 <template id> <definition offset> ... 00 (EOF).
// Quirks:
// - names (elements, attributes, entities, PI targets) are stored once per chunk; a name offset equal to the
//   current position means "the name follows inline here", otherwise it points back into the chunk;
// - a template definition is inline the first time a chunk uses it and referenced by offset afterwards,
//   so definitions are cached per chunk (the cache dies with the chunk: offsets mean nothing elsewhere);
// - element starts carry a 2-byte dependency identifier, except inside a BinXML (0x21) substitution value;
//   the reader checks which layout gives a plausible name offset rather than trusting that rule blindly.
// Errors never throw: the reader records the first problem, jumps to the end, and the caller checks `error`.
import { utf16 } from './values.ts';

/** `plan` is filled by walk.ts the first time a record uses the element (precomputed names and markup). */
export interface TElement { k: 0; name: string; attrs: TAttr[]; children: TChild[]; plan: unknown }
export interface TSub { k: 2; id: number; type: number; optional: boolean }
export interface TCData { k: 3; text: string }
export interface TPI { k: 4; target: string; data: string }
/** A template instance: the (shared, cached) definition's nodes plus this instance's values. */
export interface TInstance { k: 5; nodes: TChild[]; values: Values }
export type TPart = string | TSub;
export interface TAttr { name: string; parts: TPart[] }
/** Text is a plain string (the common case, no allocation). */
export type TChild = TElement | TSub | TCData | TPI | TInstance | string;

/** The substitution values of one template instance: type, chunk offset and size of each. */
export interface Values {
  types: number[];
  offs: number[];
  sizes: number[];
}

/** Per-chunk state shared by every record of the chunk. */
export interface ChunkCtx {
  bytes: Uint8Array;
  dv: DataView;
  names: Map<number, string>;
  templates: Map<number, TChild[]>;
}

export function newChunkCtx(bytes: Uint8Array): ChunkCtx {
  return { bytes, dv: new DataView(bytes.buffer, bytes.byteOffset, bytes.length), names: new Map(), templates: new Map() };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const MAX_DEPTH = 64;
const MAX_VALUES = 4096;

export class BinXmlReader {
  pos = 0;
  end = 0;
  error = '';
  private depth = 0;
  private readonly b: Uint8Array;
  private readonly dv: DataView;

  constructor(private readonly c: ChunkCtx) {
    this.b = c.bytes;
    this.dv = c.dv;
  }

  /** Reads a fragment (record body or BinXML value) in [start, end) of the chunk. */
  readFragment(start: number, end: number, inValue: boolean): TChild[] {
    const savePos = this.pos, saveEnd = this.end;
    this.pos = start;
    this.end = end;
    const out: TChild[] = [];
    this.readContent(out, inValue, false);
    this.pos = savePos;
    this.end = saveEnd;
    return out;
  }

  private fail(msg: string): void {
    if (!this.error) this.error = `${msg} at chunk offset ${this.pos}`;
    this.pos = this.end;
  }

  private need(n: number): boolean {
    if (this.pos + n <= this.end) return true;
    this.fail('BinXML runs past the end of its data');
    return false;
  }

  private u16(): number {
    const v = this.dv.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  private u32(): number {
    const v = this.dv.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** A name by chunk offset; when the offset is the current position the name is inline and is skipped. */
  private name(off: number): string {
    const inline = off === this.pos;
    let s = this.c.names.get(off);
    if (s === undefined) {
      if (off + 8 > this.b.length) {
        this.fail(`name offset ${off} is outside the chunk`);
        return '';
      }
      const chars = this.dv.getUint16(off + 6, true);
      if (off + 8 + chars * 2 > this.b.length) {
        this.fail(`name at ${off} runs past the chunk`);
        return '';
      }
      s = utf16(this.b, off + 8, chars);
      this.c.names.set(off, s);
    }
    if (inline) {
      this.pos = off + 8 + s.length * 2 + 2;
      if (this.pos > this.end) this.fail('inline name runs past the end of its data');
    }
    return s;
  }

  /** Is `off` a plausible name offset for a name field that ends at `after`? */
  private nameOffsetOk(off: number, after: number): boolean {
    return off === after || (off < after && off >= 128 && off + 8 <= this.b.length);
  }

  /** Reads tokens into `out` until an end-element (inElement) or EOF token, or the end of the data. */
  private readContent(out: TChild[], inValue: boolean, inElement: boolean): void {
    const b = this.b;
    while (this.pos < this.end && !this.error) {
      const tok = b[this.pos];
      switch (tok & 0xbf) {
        case 0x00: // EOF
          this.pos++;
          if (inElement) this.fail('EOF token inside an element');
          return;
        case 0x01:
          this.readElement(out, inValue);
          break;
        case 0x04: // end element
          this.pos++;
          if (!inElement) this.fail('end-element token outside an element');
          return;
        case 0x05: case 0x07: case 0x08: case 0x09: case 0x0d: case 0x0e: {
          const part = this.readPart();
          if (part !== undefined && part !== '') out.push(part);
          break;
        }
        case 0x0a: { // processing instruction: target name, then a PI data token
          this.pos++;
          if (!this.need(4)) return;
          const target = this.name(this.u32());
          if (!this.need(3) || b[this.pos] !== 0x0b) {
            this.fail('PI target without PI data');
            return;
          }
          this.pos++;
          out.push({ k: 4, target, data: this.text() });
          break;
        }
        case 0x0c:
          this.readInstance(out);
          break;
        case 0x0f: // fragment header: token, major, minor, flags
          if (!this.need(4)) return;
          this.pos += 4;
          break;
        default:
          this.fail(`unexpected BinXML token 0x${tok.toString(16)}`);
          return;
      }
    }
    if (inElement && !this.error) this.fail('element not closed before the end of its data');
  }

  /** u16 character count then UTF-16 text. */
  private text(): string {
    if (!this.need(2)) return '';
    const n = this.u16();
    if (!this.need(n * 2)) return '';
    const s = utf16(this.b, this.pos, n);
    this.pos += n * 2;
    return s;
  }

  /** Value text, CDATA, character/entity reference or substitution (what attribute values are made of). */
  private readPart(): TPart | TCData | undefined {
    const tok = this.b[this.pos] & 0xbf;
    this.pos++;
    switch (tok) {
      case 0x05: {
        if (!this.need(1)) return undefined;
        const type = this.b[this.pos++];
        if (type !== 0x01) {
          this.fail(`value token of type 0x${type.toString(16)} (only strings are defined)`);
          return undefined;
        }
        return this.text();
      }
      case 0x07: return { k: 3, text: this.text() };
      case 0x08: {
        if (!this.need(2)) return undefined;
        return String.fromCharCode(this.u16());
      }
      case 0x09: {
        if (!this.need(4)) return undefined;
        const name = this.name(this.u32());
        // an entity the XML spec does not predefine is kept as written so the text loses nothing
        return ENTITIES[name] ?? `&${name};`;
      }
      default: { // 0x0d normal, 0x0e optional substitution
        if (!this.need(3)) return undefined;
        const id = this.u16();
        const type = this.b[this.pos++];
        return { k: 2, id, type, optional: tok === 0x0e };
      }
    }
  }

  private readElement(out: TChild[], inValue: boolean): void {
    const start = this.pos;
    const tok = this.b[start];
    if (!this.need(11)) return;
    if (++this.depth > MAX_DEPTH) {
      this.fail('elements nested too deep');
      return;
    }
    // with a dependency id the name offset is at +7 and the inline name at +11; without, +5 and +9
    const withDep = this.nameOffsetOk(this.dv.getUint32(start + 7, true), start + 11);
    const withoutDep = this.nameOffsetOk(this.dv.getUint32(start + 5, true), start + 9);
    const hasDep = inValue ? !withoutDep && withDep : withDep || !withoutDep;
    this.pos = start + (hasDep ? 7 : 5);
    const name = this.name(this.u32());
    const el: TElement = { k: 0, name, attrs: [], children: [], plan: undefined };
    if (tok & 0x40) {
      if (!this.need(4)) return;
      this.pos += 4; // attribute list size: the attributes are read token by token instead
      this.readAttributes(el.attrs);
    }
    if (this.error) return;
    const close = this.b[this.pos];
    this.pos++;
    if (close === 0x02) this.readContent(el.children, inValue, true);
    else if (close !== 0x03) this.fail(`expected the end of a start tag, found token 0x${close.toString(16)}`);
    this.depth--;
    out.push(el);
  }

  private readAttributes(attrs: TAttr[]): void {
    const b = this.b;
    while (this.pos < this.end && !this.error && (b[this.pos] & 0xbf) === 0x06) {
      const more = b[this.pos] & 0x40;
      this.pos++;
      if (!this.need(4)) return;
      const name = this.name(this.u32());
      const parts: TPart[] = [];
      while (this.pos < this.end) {
        const t = b[this.pos] & 0xbf;
        if (t !== 0x05 && t !== 0x08 && t !== 0x09 && t !== 0x0d && t !== 0x0e) break;
        const p = this.readPart();
        if (p === undefined) return;
        if (typeof p === 'string' || p.k === 2) parts.push(p);
      }
      attrs.push({ name, parts });
      if (!more) return;
    }
  }

  private readInstance(out: TChild[]): void {
    if (!this.need(10)) return;
    this.pos += 6; // token, unknown byte, template identifier
    const defOff = this.u32();
    let nodes: TChild[] | undefined;
    if (defOff === this.pos) {
      // the definition is inline: next-definition offset, GUID, data size, then the data
      if (!this.need(24)) return;
      const size = this.dv.getUint32(defOff + 20, true);
      nodes = this.definition(defOff);
      this.pos = defOff + 24 + size;
      if (this.pos > this.end) return this.fail('template definition runs past the end of its data');
    } else {
      nodes = this.definition(defOff);
    }
    if (this.error || !nodes) return;
    // the instance's values: count, (size u16, type u8, unused u8) per value, then the value data in order
    if (!this.need(4)) return;
    const count = this.u32();
    if (count > MAX_VALUES || !this.need(count * 4)) return this.fail(`implausible substitution count ${count}`);
    const values: Values = { types: new Array<number>(count), offs: new Array<number>(count), sizes: new Array<number>(count) };
    let data = this.pos + count * 4;
    for (let i = 0; i < count; i++) {
      const size = this.dv.getUint16(this.pos + 4 * i, true);
      values.types[i] = this.b[this.pos + 4 * i + 2];
      values.offs[i] = data;
      values.sizes[i] = size;
      data += size;
    }
    this.pos += count * 4;
    if (data > this.end) return this.fail('substitution values run past the end of the record');
    this.pos = data;
    out.push({ k: 5, nodes, values });
  }

  /** A template definition by chunk offset, parsed once per chunk. */
  private definition(off: number): TChild[] | undefined {
    const cached = this.c.templates.get(off);
    if (cached) return cached;
    if (off + 24 > this.b.length) {
      this.fail(`template definition offset ${off} is outside the chunk`);
      return undefined;
    }
    const size = this.dv.getUint32(off + 20, true);
    if (off + 24 + size > this.b.length) {
      this.fail(`template definition at ${off} runs past the chunk`);
      return undefined;
    }
    // a definition that (through corruption) refers to itself must not recurse forever
    this.c.templates.set(off, []);
    const nodes = this.readFragment(off + 24, off + 24 + size, false);
    if (this.error) {
      this.c.templates.delete(off);
      return undefined;
    }
    const same = sharedTemplate(this.b, off, size, nodes);
    this.c.templates.set(off, same);
    return same;
  }
}

/** Templates seen in earlier chunks, by GUID and size: each chunk defines its templates anew. */
const SHARED = new Map<string, TChild[]>();
/** bound on the definitions' bytes kept (a hostile file may define a 64 KiB template in every chunk) */
const MAX_SHARED_BYTES = 4 << 20;
let sharedBytes = 0;

/**
 * The same template read in an earlier chunk, when there is one (its elements carry the plans and merged
 * markup walk.ts computed: they are made once per template, not once per chunk); else `nodes`, kept for later.
 * Shared only when identical in every respect (sameNodes): a file may give two templates one GUID.
 */
function sharedTemplate(b: Uint8Array, off: number, size: number, nodes: TChild[]): TChild[] {
  let key = String(size);
  for (let i = off + 4; i < off + 20; i++) key += String.fromCharCode(b[i]);
  const known = SHARED.get(key);
  if (known !== undefined && sameNodes(known, nodes)) return known;
  // the file picks the templates: bound what is kept
  if (sharedBytes + size > MAX_SHARED_BYTES) {
    SHARED.clear();
    sharedBytes = 0;
  }
  sharedBytes += size;
  SHARED.set(key, nodes);
  return nodes;
}

/** Two parsed templates are identical: every name, text, substitution (id, type, optional) and node kind. */
export function sameNodes(a: TChild[], b: TChild[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (typeof x === 'string' || typeof y === 'string') {
      if (x !== y) return false;
    } else if (x.k !== y.k) return false;
    else if (x.k === 0) {
      const e = y as TElement;
      if (x.name !== e.name || x.attrs.length !== e.attrs.length || !sameNodes(x.children, e.children)) return false;
      for (let j = 0; j < x.attrs.length; j++) {
        if (x.attrs[j].name !== e.attrs[j].name || !sameNodes(x.attrs[j].parts, e.attrs[j].parts)) return false;
      }
    } else if (x.k === 2) {
      const v = y as TSub;
      if (x.id !== v.id || x.type !== v.type || x.optional !== v.optional) return false;
    } else if (x.k === 3) {
      if (x.text !== (y as TCData).text) return false;
    } else if (x.k === 4) {
      if (x.target !== (y as TPI).target || x.data !== (y as TPI).data) return false;
    } else return false; // a template instance inside: its values belong to its own chunk
  }
  return true;
}
