// Rendered EVTX records are one-line XML: indent them for reading. A tokenizer, not a parser: it never
// builds a DOM from log text, and text that is not well-formed XML comes back as it was.

/** Two spaces per level; text-only elements stay on one line (<EventID>4625</EventID>). */
export function prettyXml(xml: string): string {
  const s = xml.trim();
  if (!s.startsWith('<') || !s.endsWith('>')) return xml;
  const tokens = s.match(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/g);
  if (tokens === null) return xml;
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (/^[^<]/.test(t) && t.trim() === '') continue;
    const pad = '  '.repeat(Math.max(depth, 0));
    if (t.startsWith('</')) {
      depth--;
      lines.push('  '.repeat(Math.max(depth, 0)) + t);
    } else if (t.startsWith('<') && !t.startsWith('<?') && !t.startsWith('<!') && !t.endsWith('/>')) {
      // <a>text</a> on one line
      const text = tokens[i + 1], close = tokens[i + 2];
      if (text !== undefined && !text.startsWith('<') && close?.startsWith('</') === true) {
        lines.push(pad + t + text.trim() + close);
        i += 2;
        continue;
      }
      lines.push(pad + t);
      depth++;
    } else {
      lines.push(pad + (t.startsWith('<') ? t : t.trim()));
    }
  }
  return lines.join('\n');
}

/**
 * Past this size a record is shown as read, not indented: tokenizing a megabyte of XML on the main thread
 * is a task of its own, and the drawer shows only its start anyway (LongText).
 */
export const INDENT_MAX = 200_000;

/** The raw record as the drawer shows it: EVTX XML indented when it is small enough. */
export function rawForDrawer(raw: string): { text: string; xml: boolean; indented: boolean } {
  const xml = raw.trimStart().startsWith('<');
  if (!xml || raw.length > INDENT_MAX) return { text: raw, xml, indented: false };
  return { text: prettyXml(raw), xml, indented: true };
}
