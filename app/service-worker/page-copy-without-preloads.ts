import { type WorkboxPlugin } from 'workbox-core';

/** Remix's hints for the page's scripts, as it writes them: `<link rel="modulepreload" href="…"/>`. */
const MODULE_PRELOAD = /<link rel="modulepreload"/g;

/** The same elements, which the browser fetches nothing for. */
const SWITCHED_OFF = '<link data-rel="modulepreload"';

/**
 * The copy of a phone page the worker keeps has its modulepreload hints switched off. The page's
 * scripts are in the precache, so the hints win nothing when the copy is opened; but the
 * browser's preload scanner acts on all of them (a score of requests, each answered by the
 * worker) before the parser starts, and on a phone's slow CPU that held the first paint back by
 * a few hundred milliseconds. Without them the scripts load as the page's module script imports
 * them, after the content is parsed. The elements stay, with another attribute: React hydrates
 * the page against them (Remix renders them until hydrated), and a missing element would make it
 * throw the page away and render it again. The page as the network serves it (a first visit)
 * keeps its hints: there they start the downloads early.
 */
export const keepPageWithoutPreloads: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => {
    const html = await response.text();
    const headers = new Headers(response.headers);
    // The body's length changes (and the browser has already decoded it).
    headers.delete('content-length');
    return new Response(html.replace(MODULE_PRELOAD, SWITCHED_OFF), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  },
};
