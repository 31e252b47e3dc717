import { useEffect, useRef } from 'react';

import { type PhoneWords } from './phone-words';
import { SIGN_OUT_PATH } from './use-sign-out-guard';

/**
 * The question asked when someone signs out with actions still waiting on the phone: they stay
 * on the phone, kept for this account, and are sent when the same person signs in again. The
 * form is a plain post, marked so the sign-out guard lets it through.
 */
export function SignOutWarning({ words, waiting, onStay }: { words: PhoneWords; waiting: number; onStay(): void }) {
  const box = useRef<HTMLDivElement>(null);
  // Braces matter: newer browsers return a promise from scrollIntoView, and React would call
  // an effect's returned value as its clean-up.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div
      ref={box}
      className="phone-notice phone-notice--wait phone-sign-out"
      role="alertdialog"
      aria-labelledby="sign-out-question"
      data-testid="sign-out-warning"
    >
      <p id="sign-out-question">
        <strong>{words.queue.signOut.warning(waiting)}</strong>
      </p>
      <p>{words.queue.signOut.explain}</p>
      <form method="post" action={SIGN_OUT_PATH} data-sign-out-anyway="">
        <button type="submit" className="phone-button phone-button--bad" data-testid="sign-out-anyway">
          {words.queue.signOut.anyway}
        </button>
      </form>
      <button type="button" className="phone-button phone-button--quiet" onClick={onStay} data-testid="stay-signed-in">
        {words.queue.signOut.stay}
      </button>
    </div>
  );
}
