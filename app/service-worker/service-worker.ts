/**
 * The phone pages' service worker, built by scripts/build-service-worker.ts into public/sw.js.
 * Workbox does the caching: the phone pages' scripts and styles are precached at install; a
 * phone page opens at once from the copy kept last time while the network refreshes the copy;
 * its loader data is fetched network first, the last answer kept. The worker tells each page
 * whether what it got came from the network or from the copy (served-from.ts), and the page
 * marks copied data as such and asks for it fresh (app/phone/use-freshness.ts): never copied
 * data shown as if fresh. Everything else (desktop pages, posts, sockets) is left to the
 * network untouched.
 */
import { clientsClaim, type RouteMatchCallbackOptions, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';

import { isPhoneDataPath, isPhonePagePath } from '../phone/phone-paths';
import { keepPageWithoutPreloads } from './page-copy-without-preloads';
import { answerServedFrom, reportServedFrom, type WorkerMessageEvent } from './served-from';

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
  addEventListener(type: 'message', listener: (event: WorkerMessageEvent) => void): void;
};

export const PAGE_CACHE = 'kiwanda-phone-pages';
export const DATA_CACHE = 'kiwanda-phone-data';

/**
 * Past this wait a page's data falls back to the copy kept last time (marked as such on the
 * page). The page itself is already on screen from its copy, so waiting costs nothing visible:
 * Slow 3G answers in about 2.5 s, and a slow server gets this long before the copy is used.
 */
const DATA_TIMEOUT_SECONDS = 8;

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

// Phone pages themselves: the copy kept last time at once (Slow 3G would keep the screen blank
// for seconds), the network's answer kept for next time (without its script hints, see
// page-copy-without-preloads.ts). Also matches the page's own
// `CACHE_URLS` message (workbox-routing listens for it): the page a phone opened before this
// worker ran is fetched into the cache.
registerRoute(
  ({ url, request }: RouteMatchCallbackOptions) =>
    sameOrigin(url) && isPhonePagePath(url.pathname) && request.destination !== 'image',
  new StaleWhileRevalidate({
    cacheName: PAGE_CACHE,
    plugins: [keepOnlyOwnPages, keepPageWithoutPreloads, reportServedFrom],
  }),
);

// Their loader data, as Remix fetches it when moving between pages or revalidating.
registerRoute(
  ({ url }: RouteMatchCallbackOptions) => sameOrigin(url) && isPhoneDataPath(url.pathname),
  new NetworkFirst({
    cacheName: DATA_CACHE,
    networkTimeoutSeconds: DATA_TIMEOUT_SECONDS,
    plugins: [keepOnlyOwnPages, reportServedFrom],
  }),
);

self.addEventListener('message', answerServedFrom);

// Signing out, or in as someone, forgets the pages and data kept: a shared phone shows nothing
// of one person's to the next. Only the caches are touched; the post itself goes on as usual.
const FORGETTING_POSTS = new Set(['/logout', '/logout.data', '/login', '/login.data']);
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || !sameOrigin(url) || !FORGETTING_POSTS.has(url.pathname)) return;
  event.waitUntil(Promise.all([caches.delete(PAGE_CACHE), caches.delete(DATA_CACHE)]));
});
