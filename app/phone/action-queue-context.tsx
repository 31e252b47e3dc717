import { useLocation, useNavigate, useRevalidator } from '@remix-run/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

import { countWaitingActions, enqueueAction, queuedActionOf } from './action-queue';
import { keepPageForOffline, registerPhoneServiceWorker } from './register-service-worker';
import { sendQueuedActions, type ActionAnswer } from './send-queued-actions';

export interface ActionQueue {
  /** Actions taken on this phone and not yet answered by the server. */
  waiting: number;
  online: boolean;
  /** What happened to the last action: answered (applied or refused), or kept for later. */
  last: { answer: ActionAnswer } | { queuedOffline: true } | null;
  /** Puts a phone action form's fields (with its fresh action id) in the queue and sends. */
  submit(form: HTMLFormElement): void;
}

const ActionQueueContext = createContext<ActionQueue | null>(null);

/** The queue, once the page runs JavaScript; null while it does not (forms then post normally). */
export function useActionQueue(): ActionQueue | null {
  return useContext(ActionQueueContext);
}

/**
 * Runs the phone's action queue for one page: registers the service worker, counts what waits,
 * sends on load, on each new action and whenever the network comes back, then reloads the page's
 * data so it shows what the server now holds.
 */
export function ActionQueueProvider({ children }: { children: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(true);
  const [last, setLast] = useState<ActionQueue['last']>(null);
  const revalidator = useRevalidator();
  const navigate = useNavigate();
  const location = useLocation();
  const place = useRef(location.pathname);
  place.current = location.pathname;
  const sending = useRef<Promise<void> | null>(null);

  const send = useCallback(() => {
    // One send at a time in this page; a request while sending runs again right after.
    const run = async () => {
      let answered = 0;
      const left = await sendQueuedActions((answer) => {
        answered += 1;
        setLast({ answer });
        // A saved inspection goes back to the day's list, as the page without JavaScript does.
        if (answer.ok && answer.kind === 'inspection' && place.current === `/inspections/${answer.jobId}`)
          navigate(`/inspections?saved=${answer.jobId}`);
      });
      setWaiting(left);
      if (left > 0 && answered === 0) setLast({ queuedOffline: true });
      if (answered > 0) {
        revalidator.revalidate();
        void keepPageForOffline(window.location.href, { refresh: true });
      }
    };
    const next = (sending.current ?? Promise.resolve()).then(run).catch(() => undefined);
    sending.current = next;
    return next;
    // The revalidator changes identity with its state; its revalidate is what is used.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigate]);

  useEffect(() => {
    setHydrated(true);
    setOnline(navigator.onLine);
    void registerPhoneServiceWorker();
    void countWaitingActions().then(setWaiting);
    if (navigator.onLine) void send();
    const cameOnline = () => {
      setOnline(true);
      void send();
    };
    const wentOffline = () => setOnline(false);
    window.addEventListener('online', cameOnline);
    window.addEventListener('offline', wentOffline);
    return () => {
      window.removeEventListener('online', cameOnline);
      window.removeEventListener('offline', wentOffline);
    };
  }, [send]);

  // A phone page reached by a link fetched only its data: keep the page itself for offline too.
  useEffect(() => {
    void keepPageForOffline(`${window.location.origin}${location.pathname}${location.search}`);
  }, [location.pathname, location.search]);

  const submit = useCallback(
    (form: HTMLFormElement) => {
      const action = queuedActionOf(new FormData(form), window.location.pathname);
      void enqueueAction(action).then(() => {
        setWaiting((count) => count + 1);
        if (navigator.onLine) return send();
        setLast({ queuedOffline: true });
      });
    },
    [send],
  );

  const queue = useMemo(() => ({ waiting, online, last, submit }), [waiting, online, last, submit]);
  return <ActionQueueContext.Provider value={hydrated ? queue : null}>{children}</ActionQueueContext.Provider>;
}
