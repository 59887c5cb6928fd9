// The record's XML tree -> XML text (the event's `raw`), compact like `wevtutil qe /f:xml`.
// Reference: XML 1.0 (https://www.w3.org/TR/xml/#charsets, #AVNormalize) for what must be escaped.
// Example output: <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="..."/>...
// Quirks: log text may hold characters XML 1.0 cannot carry at all (NUL and other C0 controls, lone
// surrogates); they become U+FFFD so the text always parses. CR, and TAB/LF inside attributes, are written as
// character references so a parser gives back the exact value. Names are made XML-safe the same way.
import type { XElement, XNode } from './tree.ts';

// Control characters are exactly what these patterns look for (XML 1.0 forbids them).
// eslint-disable-next-line no-control-regex
const NEEDS_TEXT_ESCAPE = /[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const NEEDS_ATTR_ESCAPE = /[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;

/** mode 0: element text, 1: attribute value, 2: CDATA / PI data (no references: only invalid characters go) */
function escape(s: string, mode: 0 | 1 | 2): string {
  const attr = mode === 1;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (mode === 2 && (c === 0x26 || c === 0x3c || c === 0x3e || c === 0x0d)) out += s[i];
    else if (c === 0x26) out += '&amp;';
    else if (c === 0x3c) out += '&lt;';
    else if (c === 0x3e) out += '&gt;';
    else if (c === 0x22 && attr) out += '&quot;';
    else if (c === 0x0d) out += '&#xD;';
    else if (c === 0x0a) out += attr ? '&#xA;' : '\n';
    else if (c === 0x09) out += attr ? '&#x9;' : '\t';
    else if (c < 0x20 || c === 0xfffe || c === 0xffff) out += '\ufffd';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\ufffd';
    else out += s[i];
  }
  return out;
}

// A loop beats the patterns on the short values records are made of; long texts (scripts) use the patterns.
export function escapeText(s: string): string {
  if (s.length > 64) return NEEDS_TEXT_ESCAPE.test(s) ? escape(s, 0) : s;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a : c === 0x26 || c === 0x3c || c === 0x3e || c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) return escape(s, 0);
  }
  return s;
}

export function escapeAttr(s: string): string {
  if (s.length > 64) return NEEDS_ATTR_ESCAPE.test(s) ? escape(s, 1) : s;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x26 || c === 0x3c || c === 0x3e || c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) return escape(s, 1);
  }
  return s;
}

const NAME = /^[A-Za-z_\u00c0-\ud7ff\uf900-\ufffd][\w.\-\u00b7\u00c0-\ud7ff\uf900-\ufffd]*(:[A-Za-z_\u00c0-\ud7ff\uf900-\ufffd][\w.\-\u00b7\u00c0-\ud7ff\uf900-\ufffd]*)?$/;
const safeNames = new Map<string, string>();

/** A name usable in XML: invalid characters become '_' (cached: names repeat in every record). */
export function xmlName(name: string): string {
  let s = safeNames.get(name);
  if (s === undefined) {
    if (NAME.test(name)) s = name;
    else {
      s = name.replace(/[^\w.\-\u00b7\u00c0-\ud7ff\uf900-\ufffd]/g, '_');
      if (!/^[A-Za-z_\u00c0-\ud7ff\uf900-\ufffd]/.test(s)) s = `_${s}`;
    }
    if (safeNames.size < 10_000) safeNames.set(name, s);
  }
  return s;
}

function renderElement(e: XElement, out: string[]): void {
  const name = xmlName(e.name);
  let open = `<${name}`;
  const seen: string[] = [];
  for (const a of e.attrs) {
    const an = xmlName(a.name);
    if (seen.includes(an)) continue; // a repeated attribute would make the element unparseable
    seen.push(an);
    open += ` ${an}="${escapeAttr(a.value)}"`;
  }
  if (e.children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  out.push(`${open}>`);
  renderNodes(e.children, out);
  out.push(`</${name}>`);
}

function renderNodes(nodes: XNode[], out: string[]): void {
  for (const n of nodes) {
    if (typeof n === 'string') out.push(escapeText(n));
    else if (n.k === 0) renderElement(n, out);
    else if (n.k === 3) out.push(cdataXml(n.text));
    else out.push(piXml(n.target, n.data));
  }
}

export function cdataXml(text: string): string {
  return `<![CDATA[${escape(text, 2).split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

export function piXml(target: string, data: string): string {
  // a PI target may not be "xml" and PI data may not contain "?>"
  const t = xmlName(target).toLowerCase() === 'xml' ? `_${target}` : xmlName(target);
  return `<?${t}${data ? ` ${escape(data, 2).replaceAll('?>', '? >')}` : ''}?>`;
}

/** XML text of the record's nodes (normally one <Event> element). */
export function renderXml(nodes: XNode[]): string {
  const out: string[] = [];
  renderNodes(nodes, out);
  return out.join('');
}
