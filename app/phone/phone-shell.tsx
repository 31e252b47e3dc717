import { Form, NavLink, useLocation } from '@remix-run/react';
import { type ReactNode } from 'react';

import { LANGUAGE_NAMES, LANGUAGES, type Language } from '#server/domain/languages';

import { ActionQueueProvider, useActionQueue } from './action-queue-context';
import { FreshnessMark } from './freshness-mark';
import type { PhonePage } from './phone-user.server';
import { type PhoneWords } from './phone-words';
import { SignOutWarning } from './sign-out-warning';
import { useFreshness } from './use-freshness';

/**
 * The frame of every phone page: the page's tabs, what the last action did, the phone's action
 * queue, the page, and the language switch. Built for a 360 px screen and a thumb: every target
 * is at least 48 px tall.
 */
export function PhoneShell({
  page,
  words,
  language,
  tabs,
  notice,
  children,
}: {
  page: PhonePage;
  words: PhoneWords;
  language: Language;
  tabs: { to: string; label: string }[];
  notice?: { tone: 'ok' | 'bad'; text: string } | null;
  children: ReactNode;
}) {
  return (
    <ActionQueueProvider userId={page.userId}>
      <PhoneFrame savedAt={page.savedAt} words={words} language={language} tabs={tabs} notice={notice}>
        {children}
      </PhoneFrame>
    </ActionQueueProvider>
  );
}

function PhoneFrame({
  savedAt,
  words,
  language,
  tabs,
  notice,
  children,
}: {
  savedAt: string;
  words: PhoneWords;
  language: Language;
  tabs: { to: string; label: string }[];
  notice?: { tone: 'ok' | 'bad'; text: string } | null;
  children: ReactNode;
}) {
  const location = useLocation();
  const queue = useActionQueue();
  // The queue's last answer is newer than what the page's own post (without JavaScript) answered.
  const shown = queueNotice(words, queue?.last ?? null) ?? notice;
  const freshness = useFreshness();
  return (
    <div className="phone" lang={language}>
      {queue?.signOutAsked ? (
        <SignOutWarning words={words} waiting={queue.pending.length} onStay={queue.cancelSignOut} />
      ) : null}
      {tabs.length > 1 ? (
        <nav className="phone-tabs" aria-label={words.tabs.jobs}>
          {tabs.map((tab) => (
            <NavLink key={tab.to} to={tab.to} end className="phone-tabs__tab">
              {tab.label}
            </NavLink>
          ))}
        </nav>
      ) : null}
      <FreshnessMark words={words} savedAt={savedAt} freshness={freshness} />
      {queue && !queue.online ? (
        <p className="phone-notice phone-notice--wait" role="status" data-testid="offline-notice">
          {/* When the mark above already says the phone is offline, this only says what still works. */}
          {freshness === 'saved' ? words.queue.offlineWork : words.queue.offline}
        </p>
      ) : null}
      {queue && queue.pending.length > 0 ? (
        <p className="phone-queue" role="status" data-testid="queue-count" data-count={queue.pending.length}>
          {words.queue.waiting(queue.pending.length)}
        </p>
      ) : null}
      {shown ? (
        <p className={`phone-notice phone-notice--${shown.tone}`} role="status" data-testid="phone-notice">
          {shown.text}
        </p>
      ) : null}
      {children}
      <Form method="post" className="phone-language" aria-label={words.language}>
        <input type="hidden" name="intent" value="language" />
        <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
        <span>{words.language}:</span>
        {LANGUAGES.map((choice) => (
          <button
            key={choice}
            type="submit"
            name="language"
            value={choice}
            className="phone-button phone-button--quiet"
            aria-pressed={choice === language}
            data-testid={`language-${choice}`}
          >
            {LANGUAGE_NAMES[choice]}
          </button>
        ))}
      </Form>
    </div>
  );
}

/** What the last action answered, in the person's words. */
export function phoneNotice(
  words: PhoneWords,
  result: { ok: true; kind: string; replayed?: boolean } | { ok: false; error: string } | undefined,
): { tone: 'ok' | 'bad'; text: string } | null {
  if (!result) return null;
  if (!result.ok) return { tone: 'bad', text: result.error };
  if (result.replayed) return { tone: 'ok', text: words.alreadyDone };
  return { tone: 'ok', text: words.done[result.kind] ?? words.done.progress };
}

/** What the queue last did, in the person's words: an answer, or "kept on this phone". */
function queueNotice(
  words: PhoneWords,
  last: NonNullable<ReturnType<typeof useActionQueue>>['last'],
): { tone: 'ok' | 'bad' | 'wait'; text: string } | null {
  if (!last) return null;
  if ('queuedOffline' in last) return { tone: 'wait', text: words.queue.savedOffline };
  return phoneNotice(words, last.answer);
}
