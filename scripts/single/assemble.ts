// Puts the single-file build together: Vite's page with its one script and one stylesheet inlined, the
// embedded resources (src/workers/embed.ts) in a JSON data block, and a CSP meta tag that allows exactly the
// inline script and style by hash (scripts/csp.ts singleFileCsp). Pure: scripts/single/build.ts does the I/O.
import { createHash } from 'node:crypto';
import { singleFileCsp } from '../csp.ts';
import { EMBED_ELEMENT_ID, type Embedded } from '../../src/workers/embed.ts';

export interface SingleFileParts {
  /** Vite's index.html: one module script and one stylesheet, both under assets/ */
  html: string;
  script: string;
  style: string;
  /** the app's SVG icon, inlined as a data: URL (allowed by img-src) */
  icon: string;
  embed: Embedded;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * The script's text as an inline <script>: "</script" would end it early, and "<!--" followed by "<script"
 * would keep the HTML parser from ever ending it. The first is escaped ("<\/" is "</" in JS strings, templates
 * and regular expressions); the second cannot be rewritten safely, so the build refuses it.
 */
export function inlineScriptText(code: string): string {
  const text = code.replace(/<\/script/gi, '<\\/script');
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at + 4)) {
    const end = text.indexOf('-->', at + 4);
    const between = text.slice(at, end < 0 ? undefined : end);
    if (/<script[\s/>]/i.test(between)) throw new Error(`the script has "<!--" then "<script" at ${at}: it cannot be inlined`);
  }
  return text;
}

/** JSON that cannot end its <script> element: every "<" is written \u003c (JSON.parse reads it back). */
export function dataBlockText(embed: Embedded): string {
  return JSON.stringify(embed).replace(/</g, '\\u003c');
}

export function assembleSingleFile(parts: SingleFileParts): string {
  if (/<\/style/i.test(parts.style)) throw new Error('the stylesheet contains "</style": it cannot be inlined');
  const script = inlineScriptText(parts.script);
  const csp = singleFileCsp({ script: sha256(script), style: sha256(parts.style) });
  let html = parts.html;
  const take = (re: RegExp, what: string) => {
    if (!re.test(html)) throw new Error(`Vite's page has no ${what}`);
    html = html.replace(re, '');
  };
  take(/\s*<script type="module"[^>]*\ssrc="[^"]*"[^>]*><\/script>/, 'module script');
  take(/\s*<link rel="stylesheet"[^>]*>/, 'stylesheet');
  take(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, 'CSP meta tag');
  // a page opened from a file cannot be installed: no manifest, and the icon travels inside
  take(/\s*<link rel="manifest"[^>]*>/, 'manifest link');
  take(/\s*<link rel="icon"[^>]*>/, 'icon link');
  const icon = `data:image/svg+xml;base64,${Buffer.from(parts.icon).toString('base64')}`;
  html = html.replace('</title>', () => `</title>\n    <link rel="icon" href="${icon}" type="image/svg+xml" />`);
  // functions, not strings: the code may contain "$&" and the like
  html = html.replace('<meta charset="UTF-8" />', () => `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
  html = html.replace('</head>', () => `  <style>${parts.style}</style>\n  </head>`);
  html = html.replace('</body>', () =>
    `  <script type="application/json" id="${EMBED_ELEMENT_ID}">${dataBlockText(parts.embed)}</script>\n` +
    `    <script type="module">${script}</script>\n  </body>`);
  return html;
}
