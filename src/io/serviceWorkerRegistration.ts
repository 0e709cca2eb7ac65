/**
 * Registers the service worker (`src/io/serviceWorker.ts`, built into `sw.js`) that keeps the app
 * working offline. Production builds only: the dev server and Vitest have no `sw.js`, and a worker
 * caching dev modules would serve stale code. Registration waits for the page's `load` event, so
 * fetching and caching the app's files never competes with the first paint.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || import.meta.env.MODE === 'test') return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch(() => {
      // No offline copy this time (private mode, a blocked worker): the app itself works as before,
      // and the next visit tries again.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
