// Fields of a delimited record whose fields may be "double quoted" (RFC 4180: "" inside quotes is one ").
// Used by device CSV (Palo Alto, pfSense) and by space-separated proxy lines with quoted URL/user agent.
// Example: splitQuoted('a,"b,c",,"say ""hi"""', ',') -> ['a', 'b,c', '', 'say "hi"']

/**
 * Splits `text` at `sep` outside quotes. With sep ' ', runs of spaces are one separator. A quote opens a
 * quoted field only at the start of a field (a quote inside a bare value is kept as written). An unclosed
 * quote runs to the end of the text.
 */
export function splitQuoted(text: string, sep: ',' | ' ' | '|'): string[] {
  const out: string[] = [];
  const n = text.length;
  const sc = sep.charCodeAt(0);
  let i = 0;
  if (sep === ' ') while (i < n && text.charCodeAt(i) === 32) i++;
  for (;;) {
    let field = '';
    if (text.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // anything glued after the closing quote belongs to the field ("a"b -> a"b is rare; keep it visible)
      let e = i;
      while (e < n && text.charCodeAt(e) !== sc) e++;
      field += text.slice(i, e);
      i = e;
    } else {
      let e = i;
      while (e < n && text.charCodeAt(e) !== sc) e++;
      field = text.slice(i, e);
      i = e;
    }
    out.push(field);
    if (i >= n) break;
    i++; // the separator
    if (sep === ' ') {
      while (i < n && text.charCodeAt(i) === 32) i++;
      if (i >= n) break;
    } else if (i >= n) {
      out.push('');
      break;
    }
  }
  return out;
}
