// The follower's file system in Node: the files given, and every file under the folders given (walked again
// on every poll, so new files are found). Identity is device + inode, so a rotation by rename is told apart
// from a truncation without reading the file.
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { FollowEntry, FollowFs } from '../workers/live/types.ts';

/** folders deeper than this are not walked (a followed folder is a log folder, not a disk) */
const MAX_DEPTH = 8;

export class NodeFollowFs implements FollowFs {
  /** the paths seen as folders: a folder that goes away is a problem, a file that does is a rotation */
  private readonly folders = new Set<string>();

  constructor(private readonly paths: readonly string[]) {}

  async list(): Promise<{ entries: FollowEntry[]; problems: string[] }> {
    const entries: FollowEntry[] = [];
    const problems: string[] = [];
    for (const p of this.paths) {
      const abs = resolve(p);
      const st = await stat(abs).catch(() => undefined);
      if (st === undefined) {
        // a followed file that is away for a moment (between a rename and its re-creation) is not a problem
        if (this.folders.has(abs)) problems.push(p);
      } else if (st.isDirectory()) {
        this.folders.add(abs);
        await walk(abs, basename(abs), 0, entries);
      }
      else if (st.isFile()) entries.push(entryOf(abs, basename(abs), st));
    }
    return { entries, problems };
  }

  async read(key: string, start: number, end: number): Promise<Uint8Array> {
    const fh = await open(key, 'r');
    try {
      const buf = new Uint8Array(Math.max(0, end - start));
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await fh.read(buf, got, buf.length - got, start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === buf.length ? buf : buf.subarray(0, got);
    } finally {
      await fh.close();
    }
  }
}

function entryOf(abs: string, path: string, st: { size: number; mtimeMs: number; dev: number; ino: number }): FollowEntry {
  return { key: abs, path, size: st.size, lastModified: st.mtimeMs, identity: `${st.dev}:${st.ino}` };
}

async function walk(dir: string, shown: string, depth: number, out: FollowEntry[]): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  for (const name of names) {
    const abs = join(dir, name);
    const st = await stat(abs).catch(() => undefined);
    if (st === undefined) continue; // removed between the listing and the stat
    if (st.isDirectory()) await walk(abs, join(shown, name), depth + 1, out);
    else if (st.isFile()) out.push(entryOf(abs, join(shown, relative(dir, abs)), st));
  }
}
