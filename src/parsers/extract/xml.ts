// A small XML reader for the subset Windows event XML uses: elements, attributes, text, the five predefined
// entities and character references, CDATA; comments, processing instructions and DOCTYPE are skipped.
// Reference: https://www.w3.org/TR/xml/ (sections 2.4 character data, 3.1 tags, 4.1 character references)
// Example: '<Data Name="CommandLine">cmd /c &quot;a &amp; b&quot;</Data>' -> { name: 'Data',
//   attrs: { Name: 'CommandLine' }, text: 'cmd /c "a & b"', children: [] }
// Why hand-written: an <Event> element is a few KB with no DTD, so a 100-line reader is enough; it is
// iterative (a 10,000-deep element cannot overflow the stack) and attribute maps are Map (keys are log text).
// Namespace prefixes are dropped from element names (<e:Event> -> Event); xmlns attributes are kept as written.
import { err, ok, type Result } from '../../core/result.ts';

export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** the element's own character data (text between its child elements concatenated), entities decoded */
  text: string;
}

const ENTITIES: ReadonlyMap<string, string> = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"]]);

/** Decodes &lt; &gt; &amp; &quot; &apos; &#N; &#xH;. Unknown or invalid references stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES.get(ref) ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Deeper elements are refused: no event nests this deep, and consumers of the tree may recurse. */
export const MAX_XML_DEPTH = 64;

/**
 * Parses one XML element (the first root element in `text`); text after it is ignored. `lenient` accepts a
 * document cut short (Azure Sentinel truncates long SyslogMessage values): open elements are closed at the
 * cut, a partial tag is dropped, and `truncated` is set on the result.
 */
export function parseXml(text: string, lenient = false): Result<XmlElement & { truncated?: boolean }> {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1];
    const chars = text.slice(i, lt === -1 ? n : lt);
    if (top !== undefined) top.text += decodeEntities(chars);
    else if (chars.trim() !== '') return err(`text outside the root element: "${chars.trim().slice(0, 40)}"`);
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) return err('unterminated comment');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1) return err('unterminated CDATA section');
      if (top !== undefined) top.text += text.slice(lt + 9, end);
      i = end + 3;
    } else if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt);
      if (end === -1) return err('unterminated declaration');
      i = end + 1;
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt);
      if (end === -1) return err('unterminated end tag');
      const name = localName(text.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (open === undefined || open.name !== name) return err(`unexpected </${name}>${open ? ` (open: <${open.name}>)` : ''}`);
      i = end + 1;
      if (stack.length === 0) return ok(open);
    } else {
      // start tag: find its '>' outside attribute quotes
      let j = lt + 1;
      let quote = 0;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (quote !== 0) { if (c === quote) quote = 0; } else if (c === 0x22 || c === 0x27) quote = c; else if (c === 0x3e) break;
      }
      if (j >= n) {
        if (lenient && root !== undefined) break;
        return err('unterminated start tag');
      }
      const selfClosing = text.charCodeAt(j - 1) === 0x2f;
      const body = text.slice(lt + 1, selfClosing ? j - 1 : j);
      const nameEnd = body.search(/[\s/]|$/);
      const name = localName(body.slice(0, nameEnd));
      if (name === '') return err('element without a name');
      const el: XmlElement = { name, attrs: new Map(), children: [], text: '' };
      ATTR.lastIndex = nameEnd;
      for (let m = ATTR.exec(body); m !== null; m = ATTR.exec(body)) el.attrs.set(m[1], decodeEntities(m[2] ?? m[3] ?? ''));
      if (top !== undefined) top.children.push(el);
      else if (root === undefined) root = el;
      i = j + 1;
      if (selfClosing) { if (stack.length === 0) return ok(el); } else stack.push(el);
      if (stack.length > MAX_XML_DEPTH) return err(`elements nested deeper than ${MAX_XML_DEPTH}`);
    }
  }
  if (stack.length > 0) {
    if (lenient && root !== undefined) return ok({ ...root, truncated: true });
    return err(`unclosed element <${stack[stack.length - 1].name}>`);
  }
  return root === undefined ? err('no XML element') : ok(root);
}

/** First child element named `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}
