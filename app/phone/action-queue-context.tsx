import { useLocation, useNavigate, useRevalidator } from '@remix-run/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

import { enqueueAction, queuedActionOf, waitingActions, type QueuedAction } from './action-queue';
import { keepPageForOffline, registerPhoneServiceWorker } from './register-service-worker';
import { sendQueuedActions, type ActionAnswer } from './send-queued-actions';
import { useSignOutGuard } from './use-sign-out-guard';

export interface ActionQueue {
  /** The signed-in account's actions taken on this phone and not yet answered, oldest first. */
  pending: QueuedAction[];
  online: boolean;
  /** What happened to the last action: answered (applied or refused), or kept for later. */
  last: { answer: ActionAnswer } | { queuedOffline: true } | null;
  /** The server's last answer for each job, since the page opened: shown on the job's card. */
  answers: Record<string, ActionAnswer>;
  /** Puts a phone action form's fields (with its fresh action id) in the queue and sends. */
  submit(form: HTMLFormElement): void;
  /** True while the person is asked whether to sign out with actions still waiting. */
  signOutAsked: boolean;
  cancelSignOut(): void;
}

const ActionQueueContext = createContext<ActionQueue | null>(null);

/** The queue, once the page runs JavaScript; null while it does not (forms then post normally). */
export function useActionQueue(): ActionQueue | null {
  return useContext(ActionQueueContext);
}

/** What the queue holds and last answered for one job, for its card. */
export function useJobQueue(jobId: string): { pending: QueuedAction[]; answer: ActionAnswer | undefined } {
  const queue = useActionQueue();
  return {
    pending: queue?.pending.filter((action) => action.jobId === jobId) ?? [],
    answer: queue?.answers[jobId],
  };
}

/**
 * Runs the phone's action queue for one page and one account: registers the service worker,
 * lists what waits, sends on load, on each new action and whenever the network comes back, then
 * reloads the page's data so it shows what the server now holds.
 */
export function ActionQueueProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  const [pending, setPending] = useState<QueuedAction[]>([]);
  const [answers, setAnswers] = useState<Record<string, ActionAnswer>>({});
  const [online, setOnline] = useState(true);
  const [last, setLast] = useState<ActionQueue['last']>(null);
  const revalidator = useRevalidator();
  const navigate = useNavigate();
  const location = useLocation();
  const place = useRef(location.pathname);
  place.current = location.pathname;
  const sending = useRef<Promise<void> | null>(null);
  const signOut = useSignOutGuard(pending.length);

  const send = useCallback(() => {
    // One send at a time in this page; a request while sending runs again right after.
    const run = async () => {
      let answered = 0;
      const left = await sendQueuedActions(userId, (answer, action) => {
        answered += 1;
        setLast({ answer });
        setPending((actions) => actions.filter((waiting) => waiting.seq !== action.seq));
        setAnswers((byJob) => ({ ...byJob, [answer.jobId]: answer }));
        // A saved inspection goes back to the day's list, as the page without JavaScript does.
        if (answer.ok && answer.kind === 'inspection' && place.current === `/inspections/${answer.jobId}`)
          navigate(`/inspections?saved=${answer.jobId}`);
      });
      setPending(left);
      if (left.length > 0 && answered === 0) setLast({ queuedOffline: true });
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
  }, [navigate, userId]);

  useEffect(() => {
    setHydrated(true);
    setOnline(navigator.onLine);
    void registerPhoneServiceWorker();
    void waitingActions(userId).then(setPending);
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
  }, [send, userId]);

  // A phone page reached by a link fetched only its data: keep the page itself for offline too.
  useEffect(() => {
    void keepPageForOffline(`${window.location.origin}${location.pathname}${location.search}`);
  }, [location.pathname, location.search]);

  const submit = useCallback(
    (form: HTMLFormElement) => {
      const action = queuedActionOf(new FormData(form), { page: window.location.pathname, userId });
      void enqueueAction(action).then(async () => {
        setPending(await waitingActions(userId));
        if (navigator.onLine) return send();
        setLast({ queuedOffline: true });
      });
    },
    [send, userId],
  );

  const queue = useMemo(
    () => ({ pending, online, last, answers, submit, ...signOut }),
    [pending, online, last, answers, submit, signOut],
  );
  return <ActionQueueContext.Provider value={hydrated ? queue : null}>{children}</ActionQueueContext.Provider>;
}
