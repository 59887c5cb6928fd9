// Export files on disk, not in memory: the export is written into a file of the Origin Private File System
// through a FileSystemSyncAccessHandle (dedicated workers only: the engine worker), each page UTF-8 encoded
// once into one reused buffer. The finished file's File (getFile()) is backed by that disk file, so the download the UI
// starts from it reads the disk and no process holds the export (Blob parts were kept in memory by the
// browser: a 1 GB `_bulk` export grew the tab by 1.6 GB). Where OPFS or sync handles are missing (Node,
// the single file opened from disk, old browsers) openExportSink falls back to BlobSink.
// A finished file is deleted DELETE_AFTER_MS after it was handed over (the download has read it by then) or,
// when the page was closed first, by the sweep of the next export or the next start of the engine.
import type { ExportSink } from './run.ts';
import { BlobSink } from './sinks.ts';

/** A sink whose content becomes a Blob at the end, or is thrown away (cancel, failure). */
export interface FileSink extends ExportSink {
  write(text: string | Uint8Array): void;
  finish(type: string): Promise<Blob>;
  discard(): Promise<void>;
}

// The sync access handle's part we use (lib.webworker types it; this project compiles against lib.dom).
interface SyncAccess {
  write(buffer: Uint8Array, options?: { at?: number }): number;
  flush(): void;
  close(): void;
}
interface SyncFileHandle extends FileSystemFileHandle { createSyncAccessHandle(): Promise<SyncAccess> }

const DIR = 'logdrop-exports';
/** room for a page of 2,000 `_bulk` rows (~2 Mi characters, up to 3 bytes each) */
const BUFFER_BYTES = 16 << 20;
export const DELETE_AFTER_MS = 15 * 60_000;

let seq = 0;
/** names being written now (never swept) */
const writing = new Set<string>();

async function exportDir(): Promise<FileSystemDirectoryHandle | undefined> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (storage?.getDirectory === undefined) return undefined;
  const root = await storage.getDirectory();
  return root.getDirectoryHandle(DIR, { create: true });
}

/** Time the file was started, from its name ("<epoch ms>-<n>"). */
const startedMs = (name: string): number => Number(name.split('-')[0]) || 0;

/** Deletes finished export files older than DELETE_AFTER_MS (a page closed before its timer ran). */
export async function sweepExports(now = Date.now()): Promise<void> {
  const dir = await exportDir().catch(() => undefined);
  if (dir === undefined) return;
  const names: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  for (const name of names) {
    if (!writing.has(name) && now - startedMs(name) > DELETE_AFTER_MS) await dir.removeEntry(name).catch(() => undefined);
  }
}

export class DiskSink implements FileSink {
  private readonly buf = new Uint8Array(BUFFER_BYTES);
  private used = 0;
  private at = 0;
  private readonly encoder = new TextEncoder();
  private closed = false;

  private constructor(private readonly dir: FileSystemDirectoryHandle, private readonly name: string, private readonly file: SyncFileHandle, private readonly access: SyncAccess) {}

  /** undefined where the browser offers no OPFS sync handles (then use BlobSink) */
  static async open(): Promise<DiskSink | undefined> {
    try {
      const dir = await exportDir();
      if (dir === undefined) return undefined;
      const name = `${Date.now()}-${++seq}`;
      const file = await dir.getFileHandle(name, { create: true }) as SyncFileHandle;
      if (typeof file.createSyncAccessHandle !== 'function') {
        await dir.removeEntry(name).catch(() => undefined);
        return undefined;
      }
      writing.add(name);
      return new DiskSink(dir, name, file, await file.createSyncAccessHandle());
    } catch {
      return undefined; // no OPFS here (opaque origin, private mode of some browsers)
    }
  }

  write(text: string | Uint8Array): void {
    if (typeof text !== 'string') {
      if (text.length > this.buf.length - this.used) this.drain();
      if (text.length > this.buf.length) this.put(text);
      else {
        this.buf.set(text, this.used);
        this.used += text.length;
      }
      return;
    }
    if (text.length === 0) return;
    // at most 3 bytes per UTF-16 unit. A page is encoded once, whole, into the reused buffer (no slices of it
    // encoded again, no new array per page: garbage arrays held ~150 MB more at peak); larger text on its own
    if (this.buf.length - this.used < text.length * 3) this.drain();
    if (text.length * 3 <= this.buf.length) this.used += this.encoder.encodeInto(text, this.buf.subarray(this.used)).written;
    else this.put(this.encoder.encode(text));
  }

  private drain(): void {
    if (this.used === 0) return;
    this.put(this.buf.subarray(0, this.used));
    this.used = 0;
  }

  private put(bytes: Uint8Array): void {
    const n = this.access.write(bytes, { at: this.at });
    // a short write: the origin's storage quota (or the disk) is full
    if (n !== bytes.length) throw new Error('The browser\'s storage for this site is full: free space (delete a case) and export again.');
    this.at += n;
  }

  async finish(type: string): Promise<Blob> {
    this.drain();
    this.access.flush();
    this.close();
    const file = await this.file.getFile();
    setTimeout(() => void this.dir.removeEntry(this.name).catch(() => undefined), DELETE_AFTER_MS);
    // the type the exporter names (getFile() has none); slice() keeps the disk backing
    return file.slice(0, file.size, type);
  }

  async discard(): Promise<void> {
    this.close();
    await this.dir.removeEntry(this.name).catch(() => undefined);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    writing.delete(this.name);
    this.access.close();
  }
}

/** Memory-backed where disk is not offered. */
class MemorySink extends BlobSink implements FileSink {
  async finish(type: string): Promise<Blob> {
    return this.blob(type);
  }
  async discard(): Promise<void> {}
}

/** The sink for one export: a disk file where the browser offers one, else Blob parts in memory. */
export async function openExportSink(): Promise<FileSink> {
  void sweepExports().catch(() => undefined);
  return (await DiskSink.open()) ?? new MemorySink();
}
