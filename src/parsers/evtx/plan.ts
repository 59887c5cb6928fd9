// What walk.ts precomputes per template element, once per chunk: XML-safe names, markup pieces, field names.
// Reference: fields.ts (naming rules) and render.ts (escaping), whose functions this calls once per element.
// Example: <Data Name="TargetUserName"> -> open '<Data', attrPre [' Name="TargetUserName"'], key 'data.Data',
//          constKeys ['data.TargetUserName'] (the field a record's value for this Data element goes to).
import type { TElement } from './binxml.ts';
import { leafAttrName, sectionOf, systemAttrName } from './fields.ts';
import { escapeAttr, escapeText, xmlName } from './render.ts';
import { dataKey } from '../windows/data.ts';

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
  /** per child: the escaped text of a constant text child, else '' */
  kidEsc: string[];
  /** ids of the substitution children (an array value among them repeats the element) */
  subKids: number[];
  section: number;
  isData: boolean;
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
  const plan: Plan = {
    open: `<${name}`, close: `</${name}>`, head, attrPre, attrConst, attrDup, attrXmlNames, sysNames, leafNames, kidEsc, subKids,
    key: dataKey(t.name), sysKeys: sysNames.map(dataKey), leafKeys: leafNames.map((l) => (l === undefined ? undefined : dataKey(l))), constKeys,
    section: sectionOf(t.name), isData: t.name === 'Data',
  };
  t.plan = plan;
  return plan;
}
