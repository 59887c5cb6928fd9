// One record's BinXML (template + substitution values) -> its XML text and its flat fields, in one pass over
// the template, without building a tree per record.
// Reference: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// ("Template instance", "Normal substitution", "Optional substitution") and MS-EVEN6 2.2.12.
// Example: <Data Name="TargetUserName">%5</Data> with value 5 = "admin" -> XML <Data Name="TargetUserName">admin</Data>
//          and the field TargetUserName=admin.
// This gives exactly what tree.ts (instantiate) + render.ts (renderXml) + fields.ts (eventFields) give, which
// remain the reference (and serve the XML/JSON parsers): test/parsers/evtx-walk.test.ts compares the two on
// hand-made templates and on every corpus record, test/parsers/evtx-digest.test.ts pins the parser's output.
// Why it is fast: each template element carries a plan (escaped names, attribute prefixes, field names; an
// element whose attributes are all constant has its whole opening markup as one piece), computed once per
// chunk and shared by every record that uses the template; a record only decodes its values (lazily, once
// each) and lists the pieces of its XML in a reused array, joined once at the end: appending to a string made
// a rope of ~100 cons strings per record, which the garbage collector and the chunk's join then paid for.
// Quirks kept from tree.ts:
// - an array value repeats the element that holds it, once per item (an empty array gives one empty element);
// - an optional substitution whose value is NULL drops the attribute it fills unless other parts give text;
// - an empty string value adds no child (<X/>), but an array or a fragment-level value does, even if empty;
// - a BinXML (0x21) value is a fragment of its own whose top-level substitutions read the enclosing values;
// - System is read before the other sections: when it comes after one, the fields are rebuilt from the tree.
// Beside it: instance.ts decodes the substitution values, roles.ts says which fields an element gives.
import type { ChunkCtx, TChild, TElement } from './binxml.ts';
import { eventFields } from './fields.ts';
import { FieldList } from './fieldlist.ts';
import { P_CLOSE, P_END, P_HEAD, P_HEAD_EMPTY, P_HEAD_OPEN, P_OPEN0, planOf, type Plan } from './plan.ts';
import { dataKey } from '../windows/data.ts';
import { cdataXml, escapeAttr, escapeText, piXml } from './render.ts';
import { instantiate } from './tree.ts';
import { VT } from './values.ts';
import { decodeValue, Frag, Inst, Items, type Decoded } from './instance.ts';
import { K_DATA, K_EDOTHER, K_EDSECTION, K_LEAF, K_NONE, K_SYS, KIND_SHIFT, newPlacing, place, R_NONE, R_ROOT, ROLE_MASK } from './roles.ts';

export { FieldList };

/** konst() merges constant pieces up to this length */
const MAX_MERGED = 512;

/** Renders records; one per stream, reused for every record (its buffers are per record). */
export class RecordWalker {
  /** results of the last `run` */
  xml = '';
  readonly fields = new FieldList();
  problems: string[] = [];

  /** the XML's pieces, out[0, n): joined into `xml` at the end of `run` */
  private readonly out: string[] = [];
  private n = 0;
  /** out[constAt] is the last piece konst() wrote: a constant the next constant piece may be merged into */
  private constAt = -1;

  private c: ChunkCtx | undefined;
  /** text of the element being read (textOf in tree.ts), gathered only where a field needs it */
  private text = '';
  private collecting = false;
  /** the innermost open tag still lacks its '>' (no child yet) */
  private pending = false;
  /** the current element has an element child */
  private elemKid = false;
  private readonly placing = newPlacing();
  private unnamed: string[] | undefined;
  private mute = 0;
  /** System child attributes, written after the element's text */
  private readonly sysN: string[] = [];
  private readonly sysV: string[] = [];
  private readonly sysK: string[] = [];
  /** markup of the only child, set by single() */
  private singleXml = '';

  run(c: ChunkCtx, nodes: TChild[]): void {
    this.c = c;
    this.n = 0;
    this.constAt = -1;
    this.fields.clear();
    if (this.problems.length > 0) this.problems = [];
    this.text = '';
    this.collecting = false;
    this.pending = false;
    this.elemKid = false;
    const placing = this.placing;
    placing.eventSeen = placing.sawOtherSection = placing.systemLate = false;
    this.unnamed = undefined;
    this.mute = 0;
    this.nodes(nodes, undefined, R_ROOT);
    const out = this.out;
    if (out.length !== this.n) out.length = this.n;
    this.xml = out.join('');
    if (this.placing.systemLate) {
      const data = eventFields(instantiate(c, nodes, []));
      this.fields.clear();
      for (const k of Object.keys(data)) this.fields.add(k, dataKey(k), data[k]);
    }
  }

  /** Adds a field; a name already taken gets _2, _3 ... (the rule of fields.ts). */
  private put(name: string, value: string, key?: string): void {
    const f = this.fields;
    if (f.has(name)) {
      let n = name;
      for (let i = 2; f.has(n); i++) n = `${name}_${i}`;
      name = n;
      key = undefined;
    }
    f.add(name, key ?? dataKey(name), value);
  }

  private get(inst: Inst, id: number): Decoded {
    return decodeValue(this.c as ChunkCtx, inst, id, this.reportProblem);
  }

  private readonly reportProblem = (why: string): void => {
    if (this.mute === 0) this.problems.push(why);
  };

  /** Appends a piece of the record's XML. */
  private put1(s: string): void {
    this.out[this.n++] = s;
  }

  /**
   * Writes a constant piece of the markup (kind k of plan's Merge), after the parent's pending '>', both merged
   * into the piece before when that one is a constant too: '</Data>' + '<Data Name="X">' is one piece. The
   * merge is remembered per plan and kind, so a record of a known template joins a few long pieces.
   */
  private konst(plan: Plan, k: number, s: string): void {
    const gt = this.pending;
    this.pending = false;
    const out = this.out, n = this.n;
    // merged pieces stay short: a long run of constants would be copied over and over (quadratic on hostile input)
    if (this.constAt === n - 1 && n > 0 && out[n - 1].length + s.length < MAX_MERGED) {
      const prev = out[n - 1], m = plan.merge;
      if (m.prev[k] !== prev || m.piece[k] !== s || m.gt[k] !== gt) {
        m.prev[k] = prev;
        m.piece[k] = s;
        m.gt[k] = gt;
        // join, not +: a flat string, not a rope the record's join would walk every time
        m.out[k] = (gt ? [prev, '>', s] : [prev, s]).join('');
      }
      out[n - 1] = m.out[k];
      return;
    }
    if (gt) out[this.n++] = '>';
    out[this.n] = s;
    this.constAt = this.n++;
  }

  /** The opening tag of the innermost element gets its '>' before its first child. */
  private child(): void {
    if (this.pending) {
      this.out[this.n++] = '>';
      this.pending = false;
    }
  }

  private addText(s: string): void {
    this.child();
    this.out[this.n++] = escapeText(s);
    if (this.collecting) this.text += s;
  }

  /** A decoded value as text: only strings can hold markup characters (numbers, GUIDs, times... never do). */
  private addValue(s: string, type: number): void {
    this.child();
    this.out[this.n++] = type === VT.String || type === VT.AnsiString ? escapeText(s) : s;
    if (this.collecting) this.text += s;
  }

  /** A fragment's nodes (record body, template body, BinXML value): `build` in tree.ts. */
  private nodes(nodes: TChild[], inst: Inst | undefined, role: number): void {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (typeof n === 'string') this.addText(n);
      else if (n.k === 0) this.element(n, inst, role);
      else if (n.k === 5) this.nodes(n.nodes, new Inst(n.values), role);
      else if (n.k === 2) {
        const d = inst ? this.get(inst, n.id) : null;
        if (d instanceof Frag) this.frag(d, inst, role);
        else if (d !== null) this.addText(this.textOf(d, inst));
      } else if (n.k === 3) {
        this.child();
        this.put1(cdataXml(n.text));
        if (this.collecting) this.text += n.text;
      } else {
        this.child();
        this.put1(piXml(n.target, n.data));
      }
    }
  }

  private frag(d: Frag, inst: Inst | undefined, role: number): void {
    const quiet = d.walked;
    d.walked = true;
    if (quiet) this.mute++;
    this.nodes(d.nodes, inst, role);
    if (quiet) this.mute--;
  }

  /** Text of a value as an attribute part or a fragment-level node. */
  private textOf(d: Decoded, inst: Inst | undefined): string {
    if (d === null) return '';
    if (typeof d === 'string') return d;
    if (d instanceof Items) return d.items.join(', ');
    // the text of a BinXML value: walked on the side, its markup dropped (the pieces it lists are cut off)
    const n = this.n, constAt = this.constAt, text = this.text, pending = this.pending, elemKid = this.elemKid, collecting = this.collecting;
    this.constAt = -1; // its pieces are dropped: none may be merged into the pieces before it
    this.text = '';
    this.pending = false;
    this.collecting = true;
    this.frag(d, inst, R_NONE);
    const s = this.text;
    this.n = n;
    this.constAt = constAt;
    this.text = text;
    this.collecting = collecting;
    this.pending = pending;
    this.elemKid = elemKid;
    return s;
  }

  private element(t: TElement, inst: Inst | undefined, role: number): void {
    const plan = planOf(t);
    if (inst) {
      const subs = plan.subKids;
      for (let i = 0; i < subs.length; i++) {
        const d = this.get(inst, subs[i]);
        if (d instanceof Items) {
          const items = d.items;
          if (items.length === 0) this.one(t, plan, inst, role, subs[i], '');
          for (let j = 0; j < items.length; j++) this.one(t, plan, inst, role, subs[i], items[j]);
          return;
        }
      }
    }
    this.one(t, plan, inst, role, -1, '');
  }

  private one(t: TElement, plan: Plan, inst: Inst | undefined, role: number, itemId: number, item: string): void {
    const placed = place(role, plan, this.placing);
    const childRole = placed & ROLE_MASK, kind = placed >> KIND_SHIFT;
    if (kind === K_EDSECTION) this.unnamed = undefined;
    // every attribute constant: the whole opening markup is one piece, written with what follows it (below)
    const head = plan.head;
    if (head === undefined) this.konst(plan, P_OPEN0, plan.open0);
    /** the last attribute written ends with a value: its closing quote is still to write */
    let quote = false;
    let nSys = 0;
    let dataName: string | undefined, dataKeyHint: string | undefined;
    const attrs = t.attrs;
    for (let i = 0; i < attrs.length; i++) {
      let value = plan.attrConst[i];
      if (value === undefined) {
        value = '';
        let drop = false;
        let safe = true; // no part can hold a character that needs escaping
        const parts = attrs[i].parts;
        for (let j = 0; j < parts.length; j++) {
          const p = parts[j];
          if (typeof p === 'string') {
            value += p;
            safe = false;
          } else {
            const d = inst ? this.get(inst, p.id) : null;
            if (d === null) {
              if (p.optional) drop = true;
            } else if (typeof d === 'string') {
              value += d;
              const type = (inst as Inst).v.types[p.id];
              if (type === VT.String || type === VT.AnsiString) safe = false;
            }
            else {
              value += this.textOf(d, inst);
              safe = false;
            }
          }
        }
        if (drop && value === '') continue;
        if (!plan.attrDup || this.firstWritten(plan, i, t, inst)) {
          const out = this.out;
          if (i > 0 || !plan.skip0) out[this.n++] = quote ? plan.attrPreQ[i] : plan.attrPre[i];
          out[this.n++] = safe ? value : escapeAttr(value);
          quote = true;
        }
      } else if (head === undefined && (!plan.attrDup || this.firstWritten(plan, i, t, inst))) {
        if (i > 0 || !plan.skip0) this.put1(quote ? plan.attrPreQ[i] : plan.attrPre[i]);
        quote = false;
      }
      if (kind === K_SYS) {
        this.sysN[nSys] = plan.sysNames[i];
        this.sysK[nSys] = plan.sysKeys[i];
        this.sysV[nSys++] = value;
      } else if (kind === K_LEAF) {
        const n = plan.leafNames[i];
        if (n !== undefined) this.put(n, value, plan.leafKeys[i]);
      } else if (kind === K_DATA && dataName === undefined && attrs[i].name === 'Name') {
        dataName = value;
        dataKeyHint = plan.constKeys[i];
      }
    }
    const kids = t.children;
    // most elements hold one value or nothing: written at once (the same result as children())
    const simple = kids.length === 0 ? '' : kids.length === 1 ? this.single(kids[0], inst, itemId, item, plan.kidEsc[0]) : undefined;
    let own: string, hasKids = false;
    if (simple !== undefined) {
      own = simple;
      if (own === '') {
        if (head !== undefined) this.konst(plan, P_HEAD_EMPTY, plan.headEmpty as string);
        else this.konst(plan, P_END, quote ? '"/>' : '/>');
      } else {
        if (head !== undefined) this.konst(plan, P_HEAD_OPEN, plan.headOpen as string);
        else this.konst(plan, P_END, quote ? '">' : '>');
        this.out[this.n++] = this.singleXml;
        this.konst(plan, P_CLOSE, plan.close);
      }
      if (this.collecting) this.text += own;
    } else {
      if (head !== undefined) this.konst(plan, P_HEAD, head);
      else if (quote) this.konst(plan, P_END, '"');
      own = this.children(t, plan, inst, kind, childRole, itemId, item);
      hasKids = this.elemKid;
    }
    this.elemKid = true;
    switch (kind) {
      case K_SYS:
        if (own !== '') this.put(t.name, own, plan.key);
        for (let i = 0; i < nSys; i++) this.put(this.sysN[i], this.sysV[i], this.sysK[i]);
        break;
      case K_DATA:
        if (dataName === undefined) {
          (this.unnamed ??= []).push(own);
          this.put(`Data${this.unnamed.length}`, own);
        } else this.put(dataName, own, dataKeyHint);
        break;
      case K_EDOTHER: this.put(t.name, own, plan.key); break;
      case K_LEAF: if (!hasKids) this.put(t.name, own, plan.key); break;
      case K_EDSECTION:
        // Sigma rules on classic events (PowerShell 400/800) match the unnamed values together as "Data"
        if (this.unnamed?.length) this.put('Data', this.unnamed.join('\n'));
        this.unnamed = undefined;
        break;
    }
  }

  /** The children of an element whose tag is open (attributes written): `one` in tree.ts. Returns its text. */
  private children(t: TElement, plan: Plan, inst: Inst | undefined, kind: number, childRole: number, itemId: number, item: string): string {
    this.pending = true;
    const outerText = this.text, outerCollecting = this.collecting;
    this.collecting = outerCollecting || (kind !== K_NONE && kind !== K_EDSECTION);
    this.text = '';
    this.elemKid = false;
    const kids = t.children;
    for (let i = 0; i < kids.length; i++) {
      const ch = kids[i];
      if (typeof ch === 'string') {
        this.child();
        this.put1(plan.kidEsc[i]);
        if (this.collecting) this.text += ch;
      } else if (ch.k === 2) {
        if (ch.id === itemId) {
          if (item !== '') this.addText(item);
          continue;
        }
        const d = inst ? this.get(inst, ch.id) : null;
        if (d === null) continue;
        if (typeof d === 'string') {
          if (d !== '') this.addValue(d, (inst as Inst).v.types[ch.id]);
        } else if (d instanceof Frag) this.frag(d, inst, childRole);
        else this.addText(d.items.join(', '));
      } else if (ch.k === 0) this.element(ch, inst, childRole);
      else this.nodes(kids.slice(i, i + 1), inst, childRole);
    }
    const own = this.text;
    if (this.pending) {
      this.pending = false;
      this.konst(plan, P_END, '/>');
    } else this.konst(plan, P_CLOSE, plan.close);
    this.text = outerCollecting ? outerText + own : outerText;
    this.collecting = outerCollecting;
    return own;
  }

  /**
   * The text of an only child that is a string or a string value (undefined otherwise: arrays, fragments,
   * elements); its markup is left in singleXml.
   */
  private single(ch: TChild, inst: Inst | undefined, itemId: number, item: string, esc: string): string | undefined {
    if (typeof ch === 'string') {
      if (ch === '') return undefined; // (never from the reader) an empty text child still makes <X></X>
      this.singleXml = esc;
      return ch;
    }
    if (ch.k !== 2) return undefined;
    if (ch.id === itemId) {
      this.singleXml = escapeText(item);
      return item;
    }
    const d = inst ? this.get(inst, ch.id) : null;
    if (d === null) return '';
    if (typeof d !== 'string') return undefined;
    const type = (inst as Inst).v.types[ch.id];
    this.singleXml = type === VT.String || type === VT.AnsiString ? escapeText(d) : d;
    return d;
  }

  /** With repeated attribute names, only the first one written appears (render.ts drops the others). */
  private firstWritten(plan: Plan, i: number, t: TElement, inst: Inst | undefined): boolean {
    const name = plan.attrXmlNames[i];
    for (let j = 0; j < i; j++) if (plan.attrXmlNames[j] === name && this.written(t, j, inst)) return false;
    return true;
  }

  /** Attribute j survives (not an optional NULL substitution with no text). */
  private written(t: TElement, j: number, inst: Inst | undefined): boolean {
    let drop = false, value = '';
    for (const p of t.attrs[j].parts) {
      if (typeof p === 'string') value += p;
      else {
        const d = inst ? this.get(inst, p.id) : null;
        if (d === null && p.optional) drop = true;
        else value += this.textOf(d, inst);
      }
    }
    return !drop || value !== '';
  }
}
