import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';

import type { DomainEventName, DomainEventPayload } from '#server/domain/events';

import { useSocket } from './socket-context';

export type LiveEventName = DomainEventName;
export type LiveEventPayload<Name extends LiveEventName> = DomainEventPayload<Name>;
export type LiveEventHandler = <Name extends LiveEventName>(name: Name, payload: LiveEventPayload<Name>) => void;

export interface LiveRevalidationOptions {
  /** Quiet time after the last push before the loaders run again: a burst becomes one revalidation. */
  debounceMs?: number;
  /** Longest wait under a steady stream of pushes, so the page never falls far behind. */
  maxWaitMs?: number;
  /** Called at once for each push, before the revalidation: to patch the page meanwhile. */
  onEvent?: LiveEventHandler;
}

/**
 * Keeps a page's loader data live: each push of one of `eventNames` on the page's socket
 * revalidates the loaders (debounced). After a reconnect that could not recover the missed
 * events (the server restarted, or the link was down too long), the page revalidates too, so
 * nothing missed stays missing. Loaders stay the source of truth; pushes only say "look again".
 */
export function useLiveRevalidation(eventNames: readonly LiveEventName[], options: LiveRevalidationOptions = {}): void {
  const { debounceMs = 200, maxWaitMs = 1_000, onEvent } = options;
  const { socket } = useSocket();
  const revalidator = useRevalidator();
  // The latest revalidate and onEvent, without resubscribing on every render.
  const latest = useRef({ revalidate: revalidator.revalidate, onEvent });
  latest.current = { revalidate: revalidator.revalidate, onEvent };
  const eventKey = [...eventNames].sort().join(',');

  useEffect(() => {
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstPendingAt: number | undefined;
    const fire = () => {
      timer = undefined;
      firstPendingAt = undefined;
      // A navigation started meanwhile (a reload, a link) aborts the revalidation: the page it
      // leads to loads fresh data anyway, so the abort is not an error.
      void Promise.resolve(latest.current.revalidate()).catch((error: unknown) => {
        if ((error as { name?: unknown } | null)?.name !== 'AbortError') throw error;
      });
    };
    const schedule = () => {
      const now = Date.now();
      firstPendingAt ??= now;
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
      timer = setTimeout(fire, wait);
    };

    const names = eventKey.split(',').filter(Boolean) as LiveEventName[];
    const listeners = names.map((name) => {
      const listener = (payload: unknown) => {
        latest.current.onEvent?.(name, payload as LiveEventPayload<typeof name>);
        schedule();
      };
      (socket.on as (event: string, listener: (payload: unknown) => void) => void)(name, listener);
      return () => (socket.off as (event: string, listener: (payload: unknown) => void) => void)(name, listener);
    });

    // The first connect needs nothing: the page was just loaded. A later one without recovered
    // state means pushes were lost while the link was down.
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore && !socket.recovered) schedule();
      connectedBefore = true;
    };
    socket.on('connect', onConnect);

    return () => {
      if (timer) clearTimeout(timer);
      listeners.forEach((unsubscribe) => unsubscribe());
      socket.off('connect', onConnect);
    };
  }, [socket, eventKey, debounceMs, maxWaitMs]);
}
