// Vite plugin: the installable app. Writes sw.js (scripts/pwa/sw.js with the cache name and the list of every
// file of the build in front) next to index.html. Build only: the dev server has no service worker, and the
// single-file build none either (a page opened from file:// cannot register one).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const TEMPLATE = join(import.meta.dirname, 'sw.js');

function publicFiles(dir: string | false): string[] {
  if (dir === false) return [];
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => f.split('\\').join('/'))
      // _headers is read by the host, not by the browser
      .filter((f) => f !== '_headers');
  } catch {
    return [];
  }
}

/** The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
export function buildDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.now()).toISOString();
}

export function serviceWorker(version: string, built: string): Plugin {
  let publicDir: string | false = false;
  return {
    name: 'logdrop-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir === '' ? false : config.publicDir;
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [name, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        files.push(name);
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      for (const name of publicFiles(publicDir).sort()) {
        files.push(name);
        hash.update(name).update(readFileSync(join(publicDir as string, name)));
      }
      const sha256 = hash.digest('hex');
      const cache = `logdrop-${version}-${sha256.slice(0, 12)}`;
      // what the About panel shows: the version, the build date and the SHA-256 over every file of the build
      // (names and bytes, in name order; build.json itself is not part of it)
      const info = { version, built, sha256, files: files.length };
      this.emitFile({ type: 'asset', fileName: 'build.json', source: JSON.stringify(info, null, 1) + '\n' });
      files.push('build.json');
      const source = `const CACHE = ${JSON.stringify(cache)};\nconst FILES = ${JSON.stringify(files, null, 1)};\n\n${readFileSync(TEMPLATE, 'utf8')}`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
