// Tend's service worker: it makes the app work offline, one build at a time. The build step
// (scripts/pwa/build.mjs) puts two constants in front of this file: BUILD, an id for the build,
// and FILES, every file of that build with its subresource-integrity hash. Installing fetches
// exactly those files, checks each against its hash and keeps them in a cache named for the
// build; the page is then served from that cache alone, so one build's page never meets another
// build's files. A new build waits until the page asks it to take over (the person agreed to
// switch), and on taking over it deletes every older build's cache.
/* global BUILD, FILES */

const CACHE = `tend-${BUILD}`;
const PREFIX = 'tend-';
const at = (name) => new URL(name, self.registration.scope).href;

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(FILES.map(async ([name, integrity]) => {
      // no-cache: ask the server, never the HTTP cache; integrity: refuse bytes from another build.
      const response = await fetch(new Request(at(name), { cache: 'no-cache', integrity }));
      if (!response.ok) throw new Error(`${name} answered ${response.status}`);
      await cache.put(at(name), response);
    }));
  } catch (error) {
    // A half-filled cache must never be served; the next update check starts afresh.
    await caches.delete(CACHE);
    throw error;
  }
}

async function dropOlderBuilds() {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
}

async function answer(request) {
  const cache = await caches.open(CACHE);
  // Every page address within the scope gets this build's page: the app has only one.
  const key = request.mode === 'navigate' ? at('index.html') : request.url;
  return (await cache.match(key)) ?? fetch(request);
}

self.addEventListener('install', (event) => event.waitUntil(precache()));

self.addEventListener('activate', (event) => {
  event.waitUntil(dropOlderBuilds().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});
