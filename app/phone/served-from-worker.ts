import { SERVED_FROM_MESSAGE, type ServedFrom } from './phone-paths';

/** How long to wait for the worker's answer before counting the load as "not known". */
const ANSWER_WAIT_MS = 2_000;

/**
 * Asks the service worker how this page's latest load (the page itself, or its data since)
 * reached the phone: `{ from: 'network' }`, `{ from: 'cache' }`, or null when the worker does
 * not know (it was restarted) or there is none: then the page came straight from the network.
 */
export async function askServedFrom(): Promise<ServedFrom | null | 'unknown'> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return null;
  const channel = new MessageChannel();
  const answer = new Promise<ServedFrom | 'unknown'>((resolve) => {
    const giveUp = setTimeout(() => resolve('unknown'), ANSWER_WAIT_MS);
    channel.port1.onmessage = (event: MessageEvent<ServedFrom | null>) => {
      clearTimeout(giveUp);
      resolve(event.data ?? 'unknown');
    };
  });
  worker.postMessage({ type: SERVED_FROM_MESSAGE }, [channel.port2]);
  return answer;
}
