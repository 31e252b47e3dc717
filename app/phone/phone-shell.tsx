import { Form, NavLink, useLocation } from '@remix-run/react';
import { type ReactNode } from 'react';

import { LANGUAGE_NAMES, LANGUAGES, type Language } from '#server/domain/languages';

import { type PhoneWords } from './phone-words';

/**
 * The frame of every phone page: the page's tabs, what the last action did, the page, and the
 * language switch. Built for a 360 px screen and a thumb: every target is at least 48 px tall.
 */
export function PhoneShell({
  words,
  language,
  tabs,
  notice,
  children,
}: {
  words: PhoneWords;
  language: Language;
  tabs: { to: string; label: string }[];
  notice?: { tone: 'ok' | 'bad'; text: string } | null;
  children: ReactNode;
}) {
  const location = useLocation();
  return (
    <div className="phone" lang={language}>
      {tabs.length > 1 ? (
        <nav className="phone-tabs" aria-label={words.tabs.jobs}>
          {tabs.map((tab) => (
            <NavLink key={tab.to} to={tab.to} end className="phone-tabs__tab">
              {tab.label}
            </NavLink>
          ))}
        </nav>
      ) : null}
      {notice ? (
        <p className={`phone-notice phone-notice--${notice.tone}`} role="status" data-testid="phone-notice">
          {notice.text}
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
