// Registers the service worker of the installable app (sw.js, written by scripts/pwa/vitePlugin.ts) and reports
// when a new version has been installed beside the running one: the page offers to switch (UpdatePrompt).
// Not in the dev server (no sw.js), nor in the single-file build or any page not served over http(s).
import { isSingleFile } from '../../workers/client.ts';

/** Calls onUpdate with a function that switches to the waiting version (and reloads) when one is ready. */
export function registerServiceWorker(onUpdate: (apply: () => void) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || isSingleFile()) return;
  const offer = (waiting: ServiceWorker) => onUpdate(() => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage('logdrop:update');
  });
  // relative: the app's folder is its scope, under whatever path prefix it is hosted
  navigator.serviceWorker.register('./sw.js').then((registration: ServiceWorkerRegistration | undefined) => {
    // a browser (or a test profile) that blocks service workers may resolve with nothing
    if (registration === undefined) return;
    // a version installed on an earlier visit and still waiting
    if (registration.waiting !== null && navigator.serviceWorker.controller !== null) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        // installed while a version controls this page: an update (on the first visit there is none to replace)
        if (installing.state === 'installed' && navigator.serviceWorker.controller !== null) offer(installing);
      });
    });
  }, (e: unknown) => {
    // the app works without it (online); say why in the console only
    console.warn('Logdrop: the offline copy could not be installed:', e instanceof Error ? e.message : String(e));
  });
}
