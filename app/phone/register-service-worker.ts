import { SERVICE_WORKER_PATH } from './phone-paths';

/**
 * Registers the phone pages' service worker (app/service-worker/service-worker.ts), from phone
 * pages only. It caches the pages it serves; a page it did not serve (the first one opened, or
 * one reached by a link inside the app, which fetches only data) is asked into its cache through
 * Workbox's `CACHE_URLS` message, so it too reads offline next time.
 */
export async function registerPhoneServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(SERVICE_WORKER_PATH, { scope: '/' });
    await keepPageForOffline(window.location.href);
  } catch {
    // No worker (a private window, a browser setting): the pages still work online.
  }
}

/** Fetches the page into the worker's cache, now that the server holds what the page shows. */
export async function keepPageForOffline(href: string, { refresh = false } = {}): Promise<void> {
  if (!('serviceWorker' in navigator) || !navigator.onLine) return;
  const registration = await navigator.serviceWorker.ready;
  if (!refresh && (await caches.match(href))) return;
  registration.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [href] } });
}
