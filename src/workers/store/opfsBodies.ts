// Chunk bodies in the Origin Private File System (chunkBodies.ts): folder `logdrop-case-<id>` per case, one file
// per chunk. Written through a FileSystemSyncAccessHandle (dedicated workers only; the engine worker is one):
// one write of the whole buffer, flush, close. Read through a read-only sync access handle (shared: several tabs
// may read one body; a writer never writes into a body that exists, names are new), 22 ms of CPU per 2.5 MB
// against 48 ms through getFile() (bench/idb-put-browser.ts filessync/filesread, profile on disk); getFile()
// (no lock) is the fallback where the handle is refused. A body a reader holds cannot be removed meanwhile: the
// removal leaves it as an orphan, removed on the next open under the case's lock.
// Reference: https://developer.mozilla.org/en-US/docs/Web/API/File_System_API/Origin_private_file_system
import { CASE_DB_PREFIX } from './schema.ts';
import { isNotFound, type BodyBackend, type BodyDir } from './chunkBodies.ts';
import { within } from './deadline.ts';

/** a read-only handle still pending after this long is given up for getFile() (deadline.ts) */
const READ_HANDLE_DEADLINE_MS = 30_000;

/** The parts of the sync access handle used here (lib.dom types it only for workers). */
interface SyncHandle {
  write(buffer: Uint8Array, options?: { at?: number }): number;
  read(buffer: Uint8Array, options?: { at?: number }): number;
  getSize(): number;
  flush(): void;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(options?: { mode?: 'read-only' | 'readwrite' }): Promise<SyncHandle> };
type ListableDir = FileSystemDirectoryHandle & { keys(): AsyncIterableIterator<string> };

/** a name of its own: two tabs' engine workers probing at once must not take each other's handle */
const probeName = () => `logdrop-opfs-probe-${Math.random().toString(36).slice(2, 10)}`;

/** The OPFS backend, or undefined where the browser lacks it or refuses it (probed once: write, flush, close, remove). */
export async function opfsBackend(): Promise<BodyBackend | undefined> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return undefined;
  try {
    const root = await navigator.storage.getDirectory();
    const name = probeName();
    const probe = (await root.getFileHandle(name, { create: true })) as SyncFileHandle;
    if (typeof probe.createSyncAccessHandle !== 'function') {
      await root.removeEntry(name);
      return undefined; // not a dedicated worker
    }
    const h = await probe.createSyncAccessHandle();
    try {
      h.write(new Uint8Array([1]), { at: 0 });
      h.flush();
    } finally {
      h.close();
    }
    await root.removeEntry(name);
    return new OpfsBackend(root);
  } catch {
    return undefined;
  }
}

class OpfsBackend implements BodyBackend {
  readonly kind = 'opfs';
  constructor(private readonly root: FileSystemDirectoryHandle) {}

  async dir(caseId: string): Promise<BodyDir> {
    const name = CASE_DB_PREFIX + caseId;
    let folder: FileSystemDirectoryHandle | undefined;
    // created by the first write only: reading, listing or removing never makes a folder (a case that never
    // stored a big chunk, or one just deleted, has none); no folder reads as an empty one
    const open = async (create: boolean): Promise<FileSystemDirectoryHandle> => (folder ??= await this.root.getDirectoryHandle(name, { create }));
    return {
      async write(file, bytes) {
        const dir = await open(true);
        const handle = (await dir.getFileHandle(file, { create: true })) as SyncFileHandle;
        try {
          const h = await handle.createSyncAccessHandle();
          try {
            let at = 0;
            while (at < bytes.byteLength) {
              const n = h.write(bytes.subarray(at), { at });
              if (n <= 0) throw new Error(`writing a chunk body stopped after ${at} of ${bytes.byteLength} bytes`);
              at += n;
            }
            h.flush();
          } finally {
            h.close();
          }
        } catch (e) {
          // a full disk (QuotaExceededError) or a failed write: no partial body stays behind
          await dir.removeEntry(file).catch(() => undefined);
          throw e;
        }
      },
      async read(file) {
        const handle = (await (await open(false)).getFileHandle(file)) as SyncFileHandle;
        let h: SyncHandle;
        try {
          h = await within(handle.createSyncAccessHandle({ mode: 'read-only' }), READ_HANDLE_DEADLINE_MS, 'opening a chunk file', (late) => late.close());
        } catch (e) {
          if (isNotFound(e)) throw e;
          // held exclusively elsewhere (a browser without shared read handles), or the file system stalled
          return (await handle.getFile()).arrayBuffer();
        }
        try {
          const out = new Uint8Array(h.getSize());
          let at = 0;
          while (at < out.byteLength) {
            const n = h.read(out.subarray(at), { at });
            if (n <= 0) throw new Error(`reading a chunk body stopped after ${at} of ${out.byteLength} bytes`);
            at += n;
          }
          return out.buffer;
        } finally {
          h.close();
        }
      },
      async remove(file) {
        try {
          await (await open(false)).removeEntry(file);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      },
      async list() {
        const out: string[] = [];
        try {
          for await (const key of (await open(false) as ListableDir).keys()) out.push(key);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
        return out;
      },
    };
  }

  async removeCase(caseId: string): Promise<void> {
    try {
      await this.root.removeEntry(CASE_DB_PREFIX + caseId, { recursive: true });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
