// The single-file assembly (scripts/single/assemble.ts): inline code that cannot end its element early, a
// data block that reads back exactly, and a CSP whose hashes allow exactly the inline script and style.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleSingleFile, dataBlockText, inlineScriptText } from '../../scripts/single/assemble.ts';
import { CSP, singleFileCsp } from '../../scripts/csp.ts';
import type { Embedded } from '../../src/workers/embed.ts';

const VITE_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <link rel="icon" href="./icon.svg" type="image/svg+xml" />
    <link rel="manifest" href="./manifest.webmanifest" />
    <title>Logdrop</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

const sha = (s: string) => createHash('sha256').update(s).digest('base64');
const between = (html: string, open: RegExp, close: string) => {
  const m = open.exec(html);
  if (m === null) throw new Error(`no ${open}`);
  const start = m.index + m[0].length;
  return html.slice(start, html.indexOf(close, start));
};

describe('single-file assembly', () => {
  const embed: Embedded = {
    workers: { engine: 'self.x = "</script><!-- $& $1";' },
    geo: { 'asn.ldgeo': 'AAEC' },
    demo: { 'manifest.json': 'H4sI' },
  };
  const script = 'const s = "</script>"; const r = /<!--[\\s\\S]*?-->/; console.log("$&", s, r);';
  const style = 'body { color: red }';
  const html = assembleSingleFile({ html: VITE_PAGE, script, style, icon: '<svg/>', embed });

  it('keeps no reference to a separate script or stylesheet', () => {
    expect(html).not.toMatch(/\ssrc=|<link rel="(stylesheet|manifest)"/);
    expect(html).toContain(`<link rel="icon" href="data:image/svg+xml;base64,${btoa('<svg/>')}"`);
  });

  it('inlines the script, the style and the data block, each ending where it should', () => {
    const inline = between(html, /<script type="module">/, '</script>');
    expect(inline).toBe(inlineScriptText(script));
    expect(inline).toContain('"$&"'); // no replacement pattern was expanded
    expect(between(html, /<style>/, '</style>')).toBe(style);
    const block = between(html, /<script type="application\/json" id="logdrop-embed">/, '</script>');
    expect(JSON.parse(block)).toEqual(embed);
  });

  it('carries one CSP meta tag that allows exactly the inline script and style by hash', () => {
    expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    const csp = between(html, /http-equiv="Content-Security-Policy" content="/, '"');
    expect(csp).toBe(singleFileCsp({ script: sha(inlineScriptText(script)), style: sha(style) }));
    expect(csp).toContain(`script-src 'sha256-${sha(between(html, /<script type="module">/, '</script>'))}'`);
    // every other directive is the served build's
    const others = (p: string) => p.split('; ').filter((d) => !/^(script|style)-src /.test(d));
    expect(others(csp)).toEqual(others(CSP));
    expect(csp).not.toContain("'unsafe-inline'");
  });

  it('refuses code the HTML parser would not end ("<!--" then "<script")', () => {
    expect(() => inlineScriptText('const a = "<!-- <script>";')).toThrow(/cannot be inlined/);
    expect(inlineScriptText('const a = "<!-- -->"; const b = "<script>";')).toContain('<script>');
  });

  it('writes every "<" of the data block as \\u003c', () => {
    expect(dataBlockText(embed)).not.toContain('<');
  });
});
