// `npm run release`: after `vite build` and the single-file build (package.json runs them first), writes
// release/logdrop-<version>.zip (the static folder, under logdrop-<version>/), release/logdrop-<version>.html
// (the single file) and release/SHA256SUMS (`sha256sum -c SHA256SUMS` checks them), so a responder can verify
// what they carry into an incident. The zip's timestamps are fixed (SOURCE_DATE_EPOCH, else 2000-01-01):
// the same build gives the same bytes.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import pkg from '../package.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const SINGLE = join(ROOT, 'dist-single/logdrop.html');
const OUT = join(ROOT, 'release');

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The folder's files as zip entries under `top/`, in a stable order, with one fixed timestamp. */
export function zipFolder(dir: string, top: string, mtime: Date): Uint8Array {
  const files: Zippable = {};
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
  for (const name of names) files[`${top}/${name.split('\\').join('/')}`] = [readFileSync(join(dir, name)), { mtime, level: 9 }];
  return zipSync(files);
}

function main(): void {
  const version = pkg.version;
  const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? Date.UTC(2000, 0, 1) / 1000);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const zipName = `logdrop-${version}.zip`;
  const htmlName = `logdrop-${version}.html`;
  writeFileSync(join(OUT, zipName), zipFolder(DIST, `logdrop-${version}`, new Date(epoch * 1000)));
  copyFileSync(SINGLE, join(OUT, htmlName));
  // the format of sha256sum: "<hex>  <name>"
  const sums = [zipName, htmlName].map((n) => `${sha256Hex(readFileSync(join(OUT, n)))}  ${n}\n`).join('');
  writeFileSync(join(OUT, 'SHA256SUMS'), sums);
  for (const n of [zipName, htmlName]) console.log(`release/${n}  ${(statSync(join(OUT, n)).size / 1e6).toFixed(2)} MB`);
  process.stdout.write(`release/SHA256SUMS:\n${sums}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
