import { type IncomingHttpHeaders } from 'node:http';

/**
 * The site a browser says a request comes from, when that is not this site: a foreign origin, or
 * `null` (sandboxed frames, some redirects, file pages). Null means the request may go on: it
 * names this site, or it carries no Origin at all (servers calling the API, old browsers on a
 * GET). Fetch metadata (`Sec-Fetch-Site: cross-site`) counts as a foreign origin too.
 */
export function foreignOriginOf(headers: IncomingHttpHeaders): string | null {
  const origin = headers.origin;
  if (headers['sec-fetch-site'] === 'cross-site') return origin ?? 'another site';
  if (origin === undefined) return null;
  if (origin === 'null') return 'null';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return origin;
  }
  // NOTE: the Host header, not a configured address: the same install answers on localhost, on
  // its LAN address and behind a proxy that keeps the Host it was asked for.
  return host === headers.host ? null : origin;
}
