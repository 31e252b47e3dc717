/**
 * Where the phone pages live. The service worker caches these pages and their data, only these
 * pages register it, and the build precaches the scripts of the routes under these paths.
 */
export const PHONE_PAGE_PREFIXES = ['/my-jobs', '/inspections'] as const;

/** True for a phone page's path (`/my-jobs`, `/my-jobs/earnings`, `/inspections/<job>`, …). */
export function isPhonePagePath(pathname: string): boolean {
  return PHONE_PAGE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Remix's single-fetch data requests add `.data` to the page's path (`/my-jobs.data`). */
const DATA_SUFFIX = '.data';

/** True for the loader-data request of a phone page. */
export function isPhoneDataPath(pathname: string): boolean {
  return pathname.endsWith(DATA_SUFFIX) && isPhonePagePath(pathname.slice(0, -DATA_SUFFIX.length));
}

/** Where the action queue posts each action it sends (app/routes/phone-actions.tsx). */
export const PHONE_ACTIONS_PATH = '/phone-actions';

/** The header naming the account that queued an action; the server refuses it for any other. */
export const QUEUED_BY_HEADER = 'x-kiwanda-queued-by';

/** The kind of the server's refusal of an action queued by another account (kept, not dropped). */
export const OTHER_ACCOUNT_KIND = 'other-account';

/** The service worker's script: at the site's root, so its scope covers every phone page. */
export const SERVICE_WORKER_PATH = '/sw.js';

/** The message a phone page sends its service worker to ask how its latest load was served. */
export const SERVED_FROM_MESSAGE = 'KIWANDA_SERVED_FROM';

/** The worker's answer: from the network, or from the copy kept last time. */
export interface ServedFrom {
  from: 'network' | 'cache';
}
