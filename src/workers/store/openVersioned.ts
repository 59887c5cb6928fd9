// Opening a database this app may have written at another schema version. Older versions upgrade in
// place (idb's upgrade callback); a newer one (written by a newer app in another tab or after a
// downgrade) cannot be opened, and the user gets told why instead of a bare VersionError.
import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';
import { storageMode } from './storageMode.ts';

export class NewerSchemaError extends Error {
  constructor(readonly what: string, readonly storedVersion: number) {
    super(`This ${what} was written by a newer version of Logdrop (schema ${storedVersion}); update the app to open it.`);
    this.name = 'NewerSchemaError';
  }
}

export async function openVersioned<S extends DBSchema>(
  name: string, version: number, what: string, callbacks: OpenDBCallbacks<S>,
): Promise<IDBPDatabase<S>> {
  await storageMode(); // IndexedDB, or the in-memory one where the browser refuses it
  try {
    return await openDB<S>(name, version, callbacks);
  } catch (e) {
    if (!(e instanceof DOMException && e.name === 'VersionError')) throw e;
    // without a version, open() takes the database as it is: read its version and let go
    const probe = await openDB(name);
    const stored = probe.version;
    probe.close();
    throw new NewerSchemaError(what, stored);
  }
}
