import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** Where every sign-out form posts (the header's button, app/root.tsx). */
export const SIGN_OUT_PATH = '/logout';

/**
 * Holds back a sign-out while the account has actions waiting on this phone: they would wait
 * unseen until the same person signs in again, so the person is asked first (the phone shell
 * shows the question, with a form marked `data-sign-out-anyway` that goes through). Listens in
 * the capture phase on the window, before Remix's own form handling sees the submit.
 */
export function useSignOutGuard(waiting: number): { signOutAsked: boolean; cancelSignOut(): void } {
  const [signOutAsked, setSignOutAsked] = useState(false);
  const waitingNow = useRef(waiting);
  waitingNow.current = waiting;

  useEffect(() => {
    const guard = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      if (new URL(form.action, window.location.href).pathname !== SIGN_OUT_PATH) return;
      if ('signOutAnyway' in form.dataset || waitingNow.current === 0) return;
      event.preventDefault();
      event.stopPropagation();
      setSignOutAsked(true);
    };
    window.addEventListener('submit', guard, true);
    return () => window.removeEventListener('submit', guard, true);
  }, []);

  const cancelSignOut = useCallback(() => setSignOutAsked(false), []);
  return useMemo(() => ({ signOutAsked, cancelSignOut }), [signOutAsked, cancelSignOut]);
}
