/* global self, caches, fetch, URL */
// The app shell only (HTML, scripts, styles, icons under /app/), so the app opens without a connection.
// Never an API response: personal data stays out of this cache. Offline writes live in IndexedDB (offline-queue.ts).
const CACHE = 'jobteam-shell-v1';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (
    event.request.method !== 'GET' ||
    url.origin !== self.location.origin ||
    !url.pathname.startsWith('/app/')
  )
    return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request).then((hit) => hit || caches.match('/app/'))),
  );
});
