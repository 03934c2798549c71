// Service worker for the standalone page. scripts/build fills in the file list; the cache
// name carries the build's hash, so a new build replaces the old cache.
const CACHE = "__STEPGUIDE_CACHE__";
const FILES = __STEPGUIDE_FILES__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("stepguide-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The page: fresh when online, the cached copy when not.
    event.respondWith(fetch(request).catch(() => caches.match("./index.html", { ignoreSearch: true })));
    return;
  }
  // Hashed files never change: the cache first.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
