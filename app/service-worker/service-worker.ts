/**
 * The phone pages' service worker, built by scripts/build-service-worker.ts into public/sw.js.
 * Workbox does the caching: the phone pages' scripts and styles are precached at install, and
 * each phone page and its loader data are fetched network-first, the last answer kept, so the
 * pages and the data last seen read offline. Everything else (desktop pages, posts, sockets)
 * is left to the network untouched.
 */
import { clientsClaim, type RouteMatchCallbackOptions, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

import { isPhoneDataPath, isPhonePagePath } from '../phone/phone-paths';

// NOTE: the project's TypeScript checks against the DOM library; the worker's own globals are
// declared here, as far as this file uses them, rather than pulling in the WebWorker library,
// which clashes with DOM.
interface WorkerEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  request: Request;
}
declare const self: {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
};

export const PAGE_CACHE = 'kiwanda-phone-pages';
export const DATA_CACHE = 'kiwanda-phone-data';

/**
 * Past this wait a slow network loses to the copy kept from last time. Slow 3G answers a small
 * page in about 2.5 s (2 s of round trip), so a page that is merely slow still comes fresh, and
 * one that hangs (a weak signal that neither fails nor answers) shows what was last seen.
 */
const NETWORK_TIMEOUT_SECONDS = 4;

/** Keeps only a page's own good answer: not a redirect to sign-in, not an error page. */
const keepOnlyOwnPages: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) =>
    response.ok && !response.redirected && response.type === 'basic' ? response : null,
};

const sameOrigin = (url: URL) => url.origin === self.location.origin;

// A new worker takes over at once: the precache it brings matches the pages the server now sends.
self.addEventListener('install', () => void self.skipWaiting());
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Phone pages themselves. Also matches the page's own `CACHE_URLS` message (workbox-routing
// listens for it): the page a phone opened before this worker ran is fetched into the cache.
registerRoute(
  ({ url, request }: RouteMatchCallbackOptions) =>
    sameOrigin(url) && isPhonePagePath(url.pathname) && request.destination !== 'image',
  new NetworkFirst({
    cacheName: PAGE_CACHE,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [keepOnlyOwnPages],
  }),
);

// Their loader data, as Remix fetches it when moving between pages or revalidating.
registerRoute(
  ({ url }: RouteMatchCallbackOptions) => sameOrigin(url) && isPhoneDataPath(url.pathname),
  new NetworkFirst({
    cacheName: DATA_CACHE,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [keepOnlyOwnPages],
  }),
);

// Signing out forgets the pages and data kept for this person: a shared phone shows nothing of
// theirs to the next one. Only the caches are touched; the post itself goes on as usual.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || !sameOrigin(url)) return;
  if (url.pathname !== '/logout' && url.pathname !== '/logout.data') return;
  event.waitUntil(Promise.all([caches.delete(PAGE_CACHE), caches.delete(DATA_CACHE)]));
});
