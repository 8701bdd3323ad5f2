/* global self, caches, Response */
// The portal's service worker: pages visited once open again offline. Pages and search indexes
// come from the network when it answers within a few seconds (so a corrected article is seen at
// once), else from the cache; the stylesheet and scripts, whose names change with their
// content, come from the cache first. The build writes the version and the asset list below.
const VERSION = "dev";
const ASSETS = [];
const CACHE = `jol-portal-${VERSION}`;
const NETWORK_WAIT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((a) => new URL(a, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("jol-portal-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** From the network, keeping a copy; on failure (or after a wait, when a copy exists) the copy. */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  const cached = await cache.match(request, { ignoreSearch: true });
  if (!cached) return network.catch(() => new Response("offline", { status: 503, headers: { "content-type": "text/plain" } }));
  const late = new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_WAIT_MS));
  return Promise.race([network.catch(() => cached), late]);
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const asset = /\.[0-9a-f]{10}\.(css|js)$/.test(url.pathname);
  event.respondWith(asset ? cacheFirst(request) : networkFirst(request));
});
