// fake-indexeddb/auto ships its types where its "exports" map does not point: it is imported for its effect only
// (it installs the in-memory IndexedDB globals; src/workers/store/storageMode.ts).
declare module 'fake-indexeddb/auto';
