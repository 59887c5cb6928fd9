// Says plainly when the browser refused storage (IndexedDB) and cases live in memory only: a page opened from
// a file in some browsers, storage blocked by policy. Asked once: the engine decides this at its first open.
import type { EngineClient, IdleTracker } from '../../workers/client.ts';
import { useTracked } from '../hooks/useTracked.ts';

export function StorageWarning({ engine, tracker }: { engine: EngineClient; tracker: IdleTracker }) {
  const storage = useTracked(tracker, 'storage', () => engine.storage());
  if (storage?.value?.inMemory !== true) return null;
  return (
    <section className="notice-banner" aria-label="Storage warning">
      <p>
        This browser does not let Logdrop store data here, so this case is kept in memory only: it is lost when
        you close or reload this tab. Export what you need before closing, or open Logdrop from a web server
        (see “Run it offline” in the README).
      </p>
    </section>
  );
}
