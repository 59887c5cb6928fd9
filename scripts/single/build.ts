// `npm run build:single [-- --no-geoip]`: writes dist-single/logdrop.html, one file that runs from disk
// (file://) with no server: Vite builds the app with classic workers (--mode single, vite.config.ts), then
// assemble.ts inlines the script and stylesheet and embeds the workers, the GeoIP tables and the demo bundle.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { buildGeoData } from '../geoip/build.ts';
import type { Embedded } from '../../src/workers/embed.ts';
import { assembleSingleFile } from './assemble.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = join(ROOT, 'dist-single');
const VITE_OUT = join(OUT_DIR, '.build');
export const SINGLE_FILE = join(OUT_DIR, 'logdrop.html');
const DEMO_DIR = join(ROOT, 'public/demo');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/** Every demo file, gzipped (the logs shrink about 13 times) and base64-encoded. */
function demoFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of filesUnder(DEMO_DIR)) out[f.split('\\').join('/')] = gzipSync(readFileSync(join(DEMO_DIR, f)), { level: 9 }).toString('base64');
  return out;
}

async function geoTables(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, path] of await buildGeoData()) out[name] = readFileSync(path).toString('base64');
  return out;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

async function main(): Promise<void> {
  const withGeo = !process.argv.includes('--no-geoip');
  await build({ root: ROOT, mode: 'single', logLevel: 'warn' });
  const assets = readdirSync(join(VITE_OUT, 'assets'));
  const read = (name: string) => readFileSync(join(VITE_OUT, 'assets', name), 'utf8');
  const workers: Record<string, string> = {};
  for (const name of assets) {
    const m = /^(\w+)\.worker-[\w-]+\.js$/.exec(name);
    if (m) workers[m[1]] = read(name);
  }
  const scripts = assets.filter((n) => n.endsWith('.js') && !/\.worker-/.test(n));
  const styles = assets.filter((n) => n.endsWith('.css'));
  // one script and one stylesheet: a second chunk would be a module fetch, which file:// refuses
  if (scripts.length !== 1 || styles.length !== 1) throw new Error(`expected one script and one stylesheet, got ${[...scripts, ...styles].join(', ')}`);
  const parts = {
    html: readFileSync(join(VITE_OUT, 'index.html'), 'utf8'), script: read(scripts[0]), style: read(styles[0]),
    icon: readFileSync(join(ROOT, 'public/icon.svg'), 'utf8'),
  };
  const embed: Embedded = { workers, geo: withGeo ? await geoTables() : {}, demo: demoFiles() };
  const html = assembleSingleFile({ ...parts, embed });
  writeFileSync(SINGLE_FILE, html);
  rmSync(VITE_OUT, { recursive: true, force: true });

  const size = Buffer.byteLength(html);
  const withoutGeo = withGeo ? Buffer.byteLength(assembleSingleFile({ ...parts, embed: { ...embed, geo: {} } })) : size;
  const target = withoutGeo <= 5e6 ? 'within' : 'OVER';
  console.log(`${relative(ROOT, SINGLE_FILE)}: ${mb(size)}${withGeo ? ` (${mb(withoutGeo)} without the GeoIP tables, ${target} the 5 MB target)` : ` without the GeoIP tables (${target} the 5 MB target)`}`);
  console.log(`  workers ${Object.keys(workers).join(', ')}; demo ${Object.keys(embed.demo).length} files; GeoIP tables ${Object.keys(embed.geo).join(', ') || 'none'}`);
}

await main();
