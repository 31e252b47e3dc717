import { createContext, useContext, useState } from 'react';

import baseStyles from '../styles/base.css';
import phoneStyles from './phone.css';

/**
 * The phone pages' styles, written into the page itself rather than linked: a phone opening a
 * page from the service worker's copy would otherwise wait on the style sheets (each one a
 * request the worker answers, on a slow CPU) before it paints anything. Together they are a few
 * kilobytes; desktop pages link their own sheets instead (app/root.tsx).
 */
export const PHONE_STYLE_SHEETS = [baseStyles, phoneStyles];

const STYLE_ELEMENT_ID = 'phone-styles';

/**
 * On the server, the text of PHONE_STYLE_SHEETS (app/phone/phone-styles.server.ts, handed in by
 * app/entry.server.tsx); in the browser, null: there the text is read back from the page.
 */
const PhoneStyleTextContext = createContext<(() => string) | null>(null);

export const PhoneStyleTextProvider = PhoneStyleTextContext.Provider;

export function PhoneStyles() {
  const readOnServer = useContext(PhoneStyleTextContext);
  // Read once: hydrating, the page's own copy, so the markup matches the server's.
  const [text] = useState(() => readOnServer?.() ?? readFromPage());
  // NOTE: a phone page reached by a link from a page without the inline styles (the sign-in
  // page's redirect) has no copy to read: it links the same sheets, which the worker precaches.
  if (text === null) {
    return (
      <>
        {PHONE_STYLE_SHEETS.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </>
    );
  }
  return <style id={STYLE_ELEMENT_ID} dangerouslySetInnerHTML={{ __html: text }} />;
}

function readFromPage(): string | null {
  if (typeof document === 'undefined') return null;
  return document.getElementById(STYLE_ELEMENT_ID)?.textContent ?? null;
}
