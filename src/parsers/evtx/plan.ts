// What walk.ts precomputes per template element, once per chunk: XML-safe names, markup pieces, field names.
// Reference: fields.ts (naming rules) and render.ts (escaping), whose functions this calls once per element.
// Example: <Data Name="TargetUserName"> -> open '<Data', attrPre [' Name="TargetUserName"'], key 'data.Data',
//          constKeys ['data.TargetUserName'] (the field a record's value for this Data element goes to).
import type { TElement } from './binxml.ts';
import { leafAttrName, sectionOf, systemAttrName } from './fields.ts';
import { escapeAttr, escapeText, xmlName } from './render.ts';
import { dataKey } from '../windows/data.ts';

/** piece kinds of Merge (walk.ts): opening forms, attribute ends, closes */
export const P_HEAD = 0, P_HEAD_EMPTY = 1, P_HEAD_OPEN = 2, P_OPEN0 = 3, P_END = 4, P_CLOSE = 5;
const KINDS = 6;

/** Precomputed per template element. */
export interface Plan {
  /** '<Name' and '</Name>' with the XML-safe name */
  open: string;
  close: string;
  /** every attribute constant (and no name twice): '<Name' with all its attributes, written as one piece */
  head: string | undefined;
  /** per attribute: ' name="' ; for a constant value the whole ' name="value"' */
  attrPre: string[];
  /** per attribute: its constant value, or undefined when substitutions fill it */
  attrConst: (string | undefined)[];
  /** two attributes share an XML name: only the first one written counts */
  attrDup: boolean;
  attrXmlNames: string[];
  /** per attribute: field name as a System child attribute, and as a leaf attribute (undefined: xmlns) */
  sysNames: string[];
  leafNames: (string | undefined)[];
  /** 'data.' + the name of the element, of sysNames, of leafNames, of a constant value */
  key: string;
  sysKeys: string[];
  leafKeys: (string | undefined)[];
  constKeys: (string | undefined)[];
  /** head + '/>' and head + '>' (an empty element, an element holding one value); undefined with head */
  headEmpty: string | undefined;
  headOpen: string | undefined;
  /** no head: '<Name' followed by the first attribute's prefix when that attribute is always written (skip0) */
  open0: string;
  skip0: boolean;
  /** per attribute: '"' + attrPre (the quote closing the previous attribute's value, merged) */
  attrPreQ: string[];
  /** the last merge of a constant piece into the one before it (walk.ts konst), per piece kind: one entry each */
  merge: Merge;
  /** per child: the escaped text of a constant text child, else '' */
  kidEsc: string[];
  /** ids of the substitution children (an array value among them repeats the element) */
  subKids: number[];
  section: number;
  isData: boolean;
}

/**
 * walk.ts merges a constant piece into the constant piece just before it (and the parent's pending '>'); in a
 * template the piece before an element's is nearly always the same, so one remembered merge per kind serves it.
 */
export interface Merge {
  prev: (string | undefined)[];
  piece: string[];
  gt: boolean[];
  out: string[];
}

export function planOf(t: TElement): Plan {
  if (t.plan !== undefined) return t.plan as Plan;
  const name = xmlName(t.name);
  const n = t.attrs.length;
  const attrPre = new Array<string>(n), attrConst = new Array<string | undefined>(n), attrXmlNames = new Array<string>(n);
  const sysNames = new Array<string>(n), leafNames = new Array<string | undefined>(n);
  const constKeys = new Array<string | undefined>(n);
  let attrDup = false;
  for (let i = 0; i < n; i++) {
    const a = t.attrs[i];
    const an = xmlName(a.name);
    if (attrXmlNames.indexOf(an) >= 0) attrDup = true;
    attrXmlNames[i] = an;
    let constant: string | undefined = '';
    for (const p of a.parts) {
      if (typeof p === 'string') constant += p;
      else {
        constant = undefined;
        break;
      }
    }
    attrConst[i] = constant;
    constKeys[i] = constant === undefined ? undefined : dataKey(constant);
    attrPre[i] = constant === undefined ? ` ${an}="` : ` ${an}="${escapeAttr(constant)}"`;
    sysNames[i] = systemAttrName(t.name, a.name);
    leafNames[i] = leafAttrName(t.name, a.name);
  }
  const kidEsc: string[] = [];
  const subKids: number[] = [];
  for (const ch of t.children) {
    kidEsc.push(typeof ch === 'string' ? escapeText(ch) : '');
    if (typeof ch !== 'string' && ch.k === 2) subKids.push(ch.id);
  }
  const head = !attrDup && attrConst.every((c) => c !== undefined) ? `<${name}${attrPre.join('')}` : undefined;
  // the first attribute is always written when no part of it is an optional substitution (it cannot be a repeat)
  const skip0 = n > 0 && !t.attrs[0].parts.some((p) => typeof p !== 'string' && p.optional);
  const plan: Plan = {
    open: `<${name}`, close: `</${name}>`, head, attrPre, attrConst, attrDup, attrXmlNames, sysNames, leafNames, kidEsc, subKids,
    headEmpty: head === undefined ? undefined : `${head}/>`, headOpen: head === undefined ? undefined : `${head}>`,
    open0: skip0 ? `<${name}${attrPre[0]}` : `<${name}`, skip0, attrPreQ: attrPre.map((p) => `"${p}`),
    merge: { prev: new Array<string | undefined>(KINDS).fill(undefined), piece: new Array<string>(KINDS).fill(''), gt: new Array<boolean>(KINDS).fill(false), out: new Array<string>(KINDS).fill('') },
    key: dataKey(t.name), sysKeys: sysNames.map(dataKey), leafKeys: leafNames.map((l) => (l === undefined ? undefined : dataKey(l))), constKeys,
    section: sectionOf(t.name), isData: t.name === 'Data',
  };
  t.plan = plan;
  return plan;
}
