// The browser's storage figures for the header: usage, quota, whether the storage is persisted, and whether
// cases live only in memory (no IndexedDB). Node (tests, the CLI) has no StorageManager.
import type { StorageInfo } from '../api.ts';
import { storageMode } from './storageMode.ts';

export async function storageInfo(): Promise<StorageInfo> {
  const inMemory = (await storageMode()) === 'memory';
  if (typeof navigator === 'undefined' || navigator.storage === undefined) return { usageBytes: 0, quotaBytes: 0, persisted: false, inMemory };
  try {
    const est = await navigator.storage.estimate();
    const persisted = (await navigator.storage.persisted?.()) ?? false;
    return { usageBytes: est.usage ?? 0, quotaBytes: est.quota ?? 0, persisted, inMemory };
  } catch {
    return { usageBytes: 0, quotaBytes: 0, persisted: false, inMemory }; // a file:// page may have no estimate
  }
}
