/**
 * The service worker that lets Slidecast start with no network once it has been opened (DESIGN.md
 * §9: "the meeting room Wi-Fi will fail").
 *
 * This file is not part of the app's bundle: `build/precacheManifest.ts` compiles it on its own
 * into `dist/sw.js` (a classic script) at build time, with the list of the build's files put in
 * place of `__SLIDECAST_PRECACHE__`. A new build has new file names and so a new `sw.js`, which
 * the browser notices and installs beside the old one.
 *
 * - install: every file of the build (index.html, JS and CSS chunks, the engine worker, the
 *   favicon) is fetched into a cache named after the build's version, past the HTTP cache. All or
 *   nothing: if one fails, the install fails and is tried again on the next visit.
 * - activate: caches of other versions are deleted, and the open pages are taken over at once.
 *   A new version does not skip waiting: it takes over once every tab of the old one is closed, so
 *   a page never finds the chunks it was built with deleted under it (the lazy Compare view).
 * - fetch, same origin and GET only (anything else is left to the browser and never cached):
 *   navigations go to the network first, falling back to the cached index.html when the network
 *   fails, answers with a server error or takes longer than `NAVIGATION_TIMEOUT_MS`; the build's
 *   own files are served from the cache first (their names change with their content).
 *   Nothing is written to the cache after install, so the cached index.html always matches the
 *   cached chunks.
 */

/** What the build puts in place of `__SLIDECAST_PRECACHE__`. */
export interface Precache {
  /** A hash of every precached file's content: the cache's name. */
  version: string;
  /** Paths relative to the service worker's scope, e.g. `index.html`, `assets/index-3f2a.js`. */
  files: string[];
}

const CACHE_PREFIX = 'slidecast-shell-';
/** A network that neither answers nor fails (a flaky meeting-room Wi-Fi) gets this long. */
export const NAVIGATION_TIMEOUT_MS = 3000;
const SHELL = 'index.html';

export function installServiceWorker(scope: ServiceWorkerGlobalScope, precache: Precache): void {
  const cacheName = `${CACHE_PREFIX}${precache.version}`;
  const base = scope.registration.scope;
  const precached = new Set(precache.files.map((file) => new URL(file, base).href));
  const shellUrl = new URL(SHELL, base).href;

  scope.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const cache = await scope.caches.open(cacheName);
        // `reload`: straight from the server, so a stale HTTP-cached copy never enters the cache.
        await cache.addAll([...precached].map((url) => new Request(url, { cache: 'reload' })));
      })(),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const names = await scope.caches.keys();
        await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName).map((name) => scope.caches.delete(name)));
        await scope.clients.claim();
      })(),
    );
  });

  scope.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== scope.location.origin) return;
    if (request.mode === 'navigate') {
      event.respondWith(networkFirst(request));
    } else if (precached.has(url.href)) {
      event.respondWith(cacheFirst(request));
    }
    // Anything else of this origin (source maps, sw.js itself) goes to the network as usual.
  });

  // `ignoreVary`: servers answer `Vary: Origin`, and a module script or stylesheet loaded with
  // `crossorigin` sends an Origin header that the install's requests did not; each cached URL is
  // one immutable file of this build, so the header cannot change what it is.
  async function cachedShell(): Promise<Response | undefined> {
    const cache = await scope.caches.open(cacheName);
    return cache.match(shellUrl, { ignoreVary: true });
  }

  async function networkFirst(request: Request): Promise<Response> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), NAVIGATION_TIMEOUT_MS);
    });
    const network = scope.fetch(request).then(
      (response) => response,
      () => undefined,
    );
    const usable = network.then((response) => (response && response.status < 500 ? response : undefined));
    const first = await Promise.race([usable, timedOut]);
    clearTimeout(timer);
    if (first) return first;
    const shell = await cachedShell();
    if (shell) return shell;
    // Nothing cached (the install failed): the network's own answer or failure, however late.
    return (await network) ?? Response.error();
  }

  async function cacheFirst(request: Request): Promise<Response> {
    const cache = await scope.caches.open(cacheName);
    return (await cache.match(request, { ignoreVary: true })) ?? scope.fetch(request);
  }
}

declare const __SLIDECAST_PRECACHE__: Precache | undefined;
// The WebWorker library types `self` as any worker's scope; this file runs as a service worker.
declare const self: ServiceWorkerGlobalScope;

// In sw.js the build has put the manifest here; anywhere else (a test importing this file) the
// identifier does not exist and nothing is installed.
if (typeof __SLIDECAST_PRECACHE__ !== 'undefined') {
  installServiceWorker(self, __SLIDECAST_PRECACHE__);
}
