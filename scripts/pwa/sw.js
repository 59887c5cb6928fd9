// Logdrop's service worker: keeps the app working offline after the first visit. scripts/pwa/vitePlugin.ts
// writes it into the build as sw.js with CACHE (the version and a hash of every file) and FILES (every file
// of the build, relative to the app's folder) in front. A new build is a new sw.js: it installs beside the
// running one and waits until the page asks it to take over (the update prompt), so a page never mixes files
// of two versions. Same-origin GETs under the app's folder are answered from the cache, the rest go out as
// usual (the CSP allows nothing else anyway).
/* global CACHE, FILES */

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new URL(file, self.registration.scope).href))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('logdrop-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'logdrop:update') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  // the live webhook's poster: its CSP names the origin in its query (scripts/csp.ts cspFor), so a cached copy
  // (fetched without it, connect-src 'self') must not answer it
  if (/\/assets\/webhook\.worker-[\w-]+\.js$/.test(new URL(request.url).pathname)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // every page of the app is index.html (the view is in the hash; ?testing=1 and the like are read by it)
    const key = request.mode === 'navigate' ? new URL('index.html', self.registration.scope).href : request;
    return (await cache.match(key, { ignoreSearch: true })) ?? fetch(request);
  })());
});
