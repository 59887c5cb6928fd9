// Where cases are kept: the browser's IndexedDB, or, where the browser refuses it (a page opened from file://
// in some browsers, storage blocked by policy, a private window of an older browser), an in-memory IndexedDB
// (fake-indexeddb) that keeps the case only until the tab closes. Every database open waits for this choice;
// the UI tells the user plainly when cases are not kept (StorageInfo.inMemory).

export type StorageMode = 'indexeddb' | 'memory';

let choice: Promise<StorageMode> | undefined;

/** Decided once per worker: the first open probes IndexedDB and installs the in-memory one if it fails. */
export function storageMode(): Promise<StorageMode> {
  choice ??= (async () => {
    if (await indexedDbWorks()) return 'indexeddb';
    // the in-memory implementation replaces the globals idb reads (indexedDB, IDBDatabase ...); loaded only here
    await import('fake-indexeddb/auto');
    return 'memory';
  })();
  return choice;
}

/** Opens (and closes) a probe database: some browsers have no indexedDB, others throw or fail the request. */
export async function indexedDbWorks(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<boolean> {
  if (factory === undefined) return false;
  try {
    const request = factory.open('logdrop-storage-probe');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB refused'));
    });
    db.close();
    return true;
  } catch {
    return false;
  }
}
