// A simulated file system for the follower's tests: files as byte arrays with an inode and a time, changed by
// the test between polls (append, rotate by rename, truncate, delete) the way log writers and logrotate do.
import type { FollowEntry, FollowFs } from '../../../src/workers/live/types.ts';

interface MemFile { bytes: Uint8Array; mtime: number; ino: number }

export class MemoryFs implements FollowFs {
  readonly files = new Map<string, MemFile>();
  private nextIno = 1;
  private clock = 1_700_000_000_000;
  reads = 0;

  constructor(private readonly withIdentity: boolean, private readonly root = 'logs') {}

  append(name: string, text: string | Uint8Array): void {
    const add = typeof text === 'string' ? new TextEncoder().encode(text) : text;
    const f = this.files.get(name);
    const old = f?.bytes ?? new Uint8Array(0);
    const bytes = new Uint8Array(old.length + add.length);
    bytes.set(old);
    bytes.set(add, old.length);
    this.files.set(name, { bytes, mtime: (this.clock += 1000), ino: f?.ino ?? this.nextIno++ });
  }

  /** logrotate's default: rename, then the writer creates a new file under the old name */
  rename(from: string, to: string): void {
    const f = this.files.get(from);
    if (f === undefined) throw new Error(`no ${from}`);
    this.files.delete(from);
    this.files.set(to, f);
  }

  truncate(name: string): void {
    const f = this.files.get(name);
    if (f === undefined) throw new Error(`no ${name}`);
    this.files.set(name, { bytes: new Uint8Array(0), mtime: (this.clock += 1000), ino: f.ino });
  }

  /**
   * How Chromium's FileSystemWritableFileStream writes (createWritable({ keepExistingData: true }), as
   * e2e/liveFolder.ts appends): a swap file `NAME.crswap` appears beside the file with a copy of its bytes and
   * its time, takes the writes, and on close() replaces the file (a new file under the old name). Returns the
   * steps, so a test can poll between them.
   */
  writable(name: string): { write(text: string): void; close(): void } {
    const f = this.files.get(name);
    const swap = `${name}.crswap`;
    this.files.set(swap, { bytes: f?.bytes.slice() ?? new Uint8Array(0), mtime: f?.mtime ?? this.clock, ino: this.nextIno++ });
    return {
      write: (text) => {
        const s = this.files.get(swap)!;
        this.append(swap, text);
        // Chromium 156 keeps the copy's time through the writes and the close (the file's time did not change)
        this.files.get(swap)!.mtime = s.mtime;
      },
      close: () => {
        const s = this.files.get(swap)!;
        this.files.delete(swap);
        this.files.set(name, { bytes: s.bytes, mtime: s.mtime, ino: s.ino });
      },
    };
  }

  remove(name: string): void {
    this.files.delete(name);
  }

  async list(): Promise<{ entries: FollowEntry[]; problems: string[] }> {
    const entries = [...this.files].sort(([a], [b]) => a.localeCompare(b)).map(([name, f]) => ({
      key: name, path: `${this.root}/${name}`, size: f.bytes.length, lastModified: f.mtime, identity: this.withIdentity ? String(f.ino) : undefined,
    }));
    return { entries, problems: [] };
  }

  async read(key: string, start: number, end: number): Promise<Uint8Array> {
    this.reads++;
    const f = this.files.get(key);
    if (f === undefined) throw new Error(`no ${key}`);
    return f.bytes.slice(start, end);
  }
}
