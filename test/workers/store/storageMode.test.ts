// Where the browser refuses IndexedDB, cases are kept in an in-memory one (store/storageMode.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';

/** What browsers do when they refuse storage: no factory, a throwing open(), a request that fails. */
function refusals(): [string, IDBFactory | undefined][] {
  const throwing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } };
  const failing = {
    open: () => {
      const request = { error: new DOMException('denied', 'InvalidStateError') } as { error: DOMException; onerror?: () => void };
      setTimeout(() => request.onerror?.(), 0);
      return request;
    },
  };
  return [['missing', undefined], ['throwing', throwing as unknown as IDBFactory], ['failing', failing as unknown as IDBFactory]];
}

describe('storage mode', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('finds IndexedDB missing, throwing or failing its request', async () => {
    const { indexedDbWorks } = await import('../../../src/workers/store/storageMode.ts');
    for (const [name, factory] of refusals()) expect(await indexedDbWorks(factory), name).toBe(false);
  });

  it('installs the in-memory IndexedDB when there is none, and cases open and keep data in it', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { storageMode } = await import('../../../src/workers/store/storageMode.ts');
    expect(await storageMode()).toBe('memory');
    const { putCase, listCases } = await import('../../../src/workers/store/catalog.ts');
    await putCase({ id: 'c1', name: 'in memory', createdMs: 1 } as Parameters<typeof putCase>[0]);
    expect((await listCases()).map((c) => c.name)).toEqual(['in memory']);
  });

  it('keeps IndexedDB where it works', async () => {
    const { indexedDB } = await import('fake-indexeddb'); // stands in for the browser's
    vi.stubGlobal('indexedDB', indexedDB);
    const { storageMode } = await import('../../../src/workers/store/storageMode.ts');
    expect(await storageMode()).toBe('indexeddb');
  });
});
