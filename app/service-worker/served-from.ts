/**
 * Which way each phone page got its latest page or data: from the network, or from the copy the
 * worker kept. A page cannot see that from its data, so it asks the worker after loading
 * (app/phone/served-from-worker.ts) and marks copied data as such. Kept per page (client), in
 * the worker's memory: a page asks right after its load, while the worker is still running.
 */
import { type WorkboxPlugin } from 'workbox-core';

import { SERVED_FROM_MESSAGE, type ServedFrom } from '../phone/phone-paths';

export interface WorkerMessageEvent extends Event {
  data: unknown;
  source: { id: string } | null;
  ports: readonly MessagePort[];
}

/** The worker handles fetches for pages (resultingClientId) and for their data (clientId). */
interface FetchClientIds {
  clientId?: string;
  resultingClientId?: string;
}

const latest = new Map<string, ServedFrom>();

function remember(event: unknown, served: ServedFrom): void {
  const ids = (event ?? {}) as FetchClientIds;
  // A fetch the worker makes for itself (a page asked into the cache) answers no page.
  const client = ids.resultingClientId || ids.clientId;
  if (client) latest.set(client, served);
}

/**
 * For the phone routes' strategies: a kept copy handed out counts as "cache" (for a page shown
 * from its copy, the network's answer that follows only refreshes the copy); otherwise the
 * network's answer counts.
 */
export const reportServedFrom: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ event, cachedResponse, state }) => {
    if (cachedResponse) {
      remember(event, { from: 'cache' });
      if (state) state.fromCache = true;
    }
    return cachedResponse;
  },
  fetchDidSucceed: async ({ event, response, state }) => {
    if (!state?.fromCache && response.ok) remember(event, { from: 'network' });
    return response;
  },
};

/** Answers a page's question on the port it sent: how its latest load was served, or null. */
export function answerServedFrom(event: WorkerMessageEvent): void {
  const message = event.data as { type?: unknown } | null;
  if (message?.type !== SERVED_FROM_MESSAGE || !event.source) return;
  event.ports[0]?.postMessage(latest.get(event.source.id) ?? null);
}
