// One turn of the engine worker's event loop, so that pending messages (a cancel, a page request, a query)
// run between the steps of long work: a search over many chunks, an export, a detection run.
// MessageChannel: browsers clamp nested setTimeout to 4 ms. Node (tests, CLI): setImmediate.
export function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(null);
  });
}
