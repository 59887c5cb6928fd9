// Files on disk as BundleSources: the CLI reads them through the same ingest path as dropped Files.
import { openAsBlob, statSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { BundleSource } from '../parsers/containers/types.ts';
import { appendAll } from '../core/appendAll.ts';

/** Each argument is a file or a folder (walked like a dropped folder; paths keep the folder name). */
export async function sourcesFromPaths(paths: string[]): Promise<BundleSource[]> {
  const out: BundleSource[] = [];
  for (const p of paths) {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const f of walk(p)) out.push(await fileSource(f, join(basename(p), relative(p, f))));
    } else {
      out.push(await fileSource(p, basename(p)));
    }
  }
  return out;
}

async function fileSource(path: string, name: string): Promise<BundleSource> {
  const blob = await openAsBlob(path);
  const st = statSync(path);
  return { name, size: blob.size, lastModified: st.mtimeMs, stream: () => blob.stream() };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) appendAll(out, walk(p));
    else out.push(p);
  }
  return out;
}
