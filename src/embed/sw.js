// Service worker for the standalone page. scripts/build fills in the file lists; the cache
// name carries the hashes of the build and of its guide and word files, so a new build, or a
// corrected text, replaces the old cache.
const CACHE = "__STEPGUIDE_CACHE__";
// Cached at install: what every reader of the page loads, whatever their language.
const FILES = __STEPGUIDE_FILES__;
// Cached when used: the build each language needs (without the guide reader for the bundled
// guide's, with it for another), the guide's files, the interface words and the first screens
// of other languages: fetching every build for everyone would cost a reader on a weak signal
// a build they never run.
const ON_USE = new Set(__STEPGUIDE_ON_USE__.map((f) => new URL(f, self.location).href));

// Those of `urls` to keep and not kept yet: offline.js may send the same file twice, and
// fetching a build again would cost a reader on a weak signal its bytes a second time.
const keep = (urls) => caches.open(CACHE).then(async (c) => {
  const wanted = [...new Set(urls)].filter((u) => ON_USE.has(u));
  const kept = await Promise.all(wanted.map((u) => c.match(u)));
  return c.addAll(wanted.filter((_, i) => !kept[i]));
});

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

// The page's first load fetched its files before this worker was there to see them:
// offline.js sends their addresses once the worker is active, and those used are kept.
self.addEventListener("message", (event) => {
  const urls = event.data && Array.isArray(event.data.loaded) ? event.data.loaded.filter((u) => typeof u === "string") : [];
  event.waitUntil(keep(urls).catch(() => {}));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The page: fresh when online, the cached copy when not.
    event.respondWith(fetch(request).catch(() => caches.match("./index.html", { ignoreSearch: true })));
    return;
  }
  // The files of this build never change within it: the cache first.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok && ON_USE.has(request.url)) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((c) => c.put(request, copy)).catch(() => {}));
    }
    return response;
  })));
});
