// The follower's file system in the browser: File System Access handles the user granted (a folder from
// showDirectoryPicker, files from showOpenFilePicker; or, in the end-to-end tests, handles of the origin-private
// file system). There is no inode: the follower tells a replaced file by its first bytes.
import type { FollowSource } from '../api/live.ts';
import type { FollowEntry, FollowFs } from './types.ts';

/** folders deeper than this are not walked */
const MAX_DEPTH = 8;

/** FileSystemDirectoryHandle's async iteration (not in TypeScript's DOM lib without DOM.AsyncIterable) */
interface Walkable { values(): AsyncIterable<FileSystemHandle> }

export class HandleFollowFs implements FollowFs {
  private readonly files = new Map<string, FileSystemFileHandle>();

  constructor(private readonly sources: () => readonly FollowSource[]) {}

  async list(): Promise<{ entries: FollowEntry[]; problems: string[] }> {
    const entries: FollowEntry[] = [];
    const problems: string[] = [];
    this.files.clear();
    for (const s of this.sources()) {
      try {
        if (s.kind === 'file') await this.add(s.handle as FileSystemFileHandle, `${s.id}/`, s.name, entries);
        else await this.walk(s.handle as FileSystemDirectoryHandle, `${s.id}/`, s.name, 0, entries);
      } catch (e) {
        // a followed file away for a moment (rotation) is no problem; a folder or permission that is gone is
        if (s.kind === 'file' && errorName(e) === 'NotFoundError') continue;
        problems.push(`${s.name} (${errorName(e) === 'NotAllowedError' ? 'no permission' : errorText(e)})`);
      }
    }
    return { entries, problems };
  }

  async read(key: string, start: number, end: number): Promise<Uint8Array> {
    const handle = this.files.get(key);
    if (handle === undefined) throw new Error(`not followed: ${key}`);
    // a fresh File each time: the one of the listing is a snapshot that fails once the file changed
    const file = await handle.getFile();
    return new Uint8Array(await file.slice(start, end).arrayBuffer());
  }

  private async add(h: FileSystemFileHandle, key: string, path: string, out: FollowEntry[]): Promise<void> {
    const f = await h.getFile();
    this.files.set(key, h);
    out.push({ key, path, size: f.size, lastModified: f.lastModified });
  }

  private async walk(dir: FileSystemDirectoryHandle, key: string, path: string, depth: number, out: FollowEntry[]): Promise<void> {
    if (depth > MAX_DEPTH) return;
    const children: FileSystemHandle[] = [];
    for await (const h of (dir as unknown as Walkable).values()) children.push(h);
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const h of children) {
      const k = `${key}${h.name}`, p = `${path}/${h.name}`;
      try {
        if (h.kind === 'directory') await this.walk(h as FileSystemDirectoryHandle, `${k}/`, p, depth + 1, out);
        else await this.add(h as FileSystemFileHandle, k, p, out);
      } catch (e) {
        // removed between the listing and the look (rotation): it is simply not there this time
        if (errorName(e) !== 'NotFoundError') throw e;
      }
    }
  }
}

/** Asks (without prompting) whether reading is still allowed; a worker may lack queryPermission. */
export async function canRead(h: FileSystemHandle): Promise<boolean> {
  const q = (h as { queryPermission?: (d: { mode: 'read' }) => Promise<PermissionState> }).queryPermission;
  if (q === undefined) return true;
  return (await q.call(h, { mode: 'read' })) === 'granted';
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : '';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
