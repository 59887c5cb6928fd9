// Bytes a Node bench holds, for the heap benches: V8 heap + array buffers after full GCs (counts, not timings:
// stable on a loaded machine). Needs `node --expose-gc`; `requireGc()` says so instead of measuring garbage.
const gc = (globalThis as { gc?: () => void }).gc;

export function requireGc(): void {
  if (gc === undefined) throw new Error('run with node --expose-gc');
}

/** heap used + array buffers after two full collections (the second frees what the first's finalizers released) */
export function usedAfterGc(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
