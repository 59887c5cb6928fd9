// A copy of dist/ under a path prefix (/tools/logdrop/), served by `logdrop serve` from a temporary folder:
// the server knows nothing of the prefix, so the app must find everything by relative URLs.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PREFIX = '/tools/logdrop/';
const REPO = join(import.meta.dirname, '..');

export interface PrefixedCopy { root: string; app: string; url: string; stop(): void }

export async function servePrefixedCopy(): Promise<PrefixedCopy> {
  const root = mkdtempSync(join(tmpdir(), 'logdrop-e2e-site-'));
  const app = join(root, PREFIX);
  cpSync(join(REPO, 'dist'), app, { recursive: true });
  // the site's own home page, as on an intranet server that hosts several tools
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>Tools</title><a href="${PREFIX}">Logdrop</a>`);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', root, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`logdrop serve exited (${code}): ${out}`)));
  });
  return { root, app, url: `${origin}${PREFIX}`, stop: () => child.kill() };
}
