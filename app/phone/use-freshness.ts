import { useNavigation, useRevalidator } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';

import { askServedFrom } from './served-from-worker';

/**
 * How fresh the page's data is: straight from the network ('fresh'), shown from the copy the
 * service worker kept while fresh data is on its way ('updating'), or from the copy because the
 * network did not answer ('saved').
 */
export type Freshness = 'fresh' | 'updating' | 'saved';

/**
 * A phone page opens at once from the copy the service worker kept (Slow 3G would keep the screen
 * blank for seconds), so what it shows may be old. After opening, and after every later load of
 * its data, the page asks the worker how that load was served: from the copy, it says so and asks
 * for its data again (network first); when the network fails the copy stays, marked "offline",
 * until the network comes back. The worker's word is needed: the data itself cannot tell a copy
 * from a fresh answer (a copy of data may be newer than the copy of the page).
 */
export function useFreshness(): Freshness {
  const [freshness, setFreshness] = useState<Freshness>('fresh');
  const current = useRef(freshness);
  current.current = freshness;
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const loading = revalidator.state === 'loading' || navigation.state === 'loading';
  const wasLoading = useRef(false);
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  const refresh = useCallback(() => {
    if (!navigator.onLine) return setFreshness('saved');
    setFreshness('updating');
    revalidate.current();
  }, []);

  // How this page reached the phone: from the copy, fetch its data fresh.
  useEffect(() => {
    void askServedFrom().then((served) => {
      if (served === null || (served !== 'unknown' && served.from === 'network')) return;
      refresh();
    });
  }, [refresh]);

  // After each load of data (a revalidation, a live update, an answered action).
  useEffect(() => {
    if (loading) {
      wasLoading.current = true;
      return;
    }
    if (!wasLoading.current) return;
    wasLoading.current = false;
    void askServedFrom().then((served) => {
      const fresh = served === null || (served !== 'unknown' && served.from === 'network');
      setFreshness(fresh ? 'fresh' : 'saved');
    });
  }, [loading]);

  // The network is back: the copy on screen is replaced by fresh data.
  useEffect(() => {
    const back = () => {
      if (current.current === 'saved') refresh();
    };
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [refresh]);

  return freshness;
}
