import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';

/**
 * The service worker shows a phone page at once from the copy it kept (on a slow network the
 * fresh page would keep the screen blank for seconds), so a page it controls may show what was
 * seen last time. Once loaded, the page asks for its data again, network first: what is on screen
 * turns fresh as soon as the network answers, and stays as last seen when offline. The page cannot
 * tell whether this load came from the network or the copy, so it always asks: one small data
 * request each time the app is opened or reloaded (moving between its pages fetches data anyway).
 */
export function useRefreshWhenServedFromCache(): void {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (navigator.serviceWorker?.controller && navigator.onLine) revalidate();
    // Once per page load, not on every render.
  }, []);
}
