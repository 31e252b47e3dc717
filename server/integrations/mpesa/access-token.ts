import { type DarajaSettings } from './daraja-settings';

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Renew a little before Daraja's expiry, so a request never carries a token that lapses in flight. */
const RENEW_BEFORE_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * One token per process and app credentials. Daraja invalidates the previous token whenever a new
 * one is issued, so every caller shares the cached one, and concurrent callers share one request.
 */
const tokens = new Map<string, { request: Promise<CachedToken>; token?: CachedToken }>();

export class DarajaAuthError extends Error {
  override name = 'DarajaAuthError';
}
async function requestToken(settings: DarajaSettings): Promise<CachedToken> {
  const basic = Buffer.from(`${settings.consumerKey}:${settings.consumerSecret}`).toString('base64');
  const response = await fetch(`${settings.baseUrl}/oauth/v1/generate?grant_type=client_credentials`, {
    headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: { access_token?: unknown; expires_in?: unknown; errorCode?: unknown; errorMessage?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Daraja answers some refusals with an empty or HTML body; the status says enough.
  }
  if (!response.ok || typeof body.access_token !== 'string') {
    const detail = typeof body.errorMessage === 'string' ? `${String(body.errorCode)} ${body.errorMessage}` : text;
    throw new DarajaAuthError(`Daraja refused the token request: HTTP ${response.status} ${detail}`.slice(0, 300));
  }
  // `expires_in` comes as a number or a string ("3599").
  const seconds = Number(body.expires_in);
  const lifetimeMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3_599_000;
  return { value: body.access_token, expiresAt: Date.now() + lifetimeMs - RENEW_BEFORE_MS };
}

function cacheKey(settings: DarajaSettings): string {
  return `${settings.baseUrl}|${settings.consumerKey}`;
}

/** A valid access token, from the cache when it has one. */
export async function darajaAccessToken(settings: DarajaSettings): Promise<string> {
  const key = cacheKey(settings);
  const cached = tokens.get(key);
  if (cached && (!cached.token || cached.token.expiresAt > Date.now())) {
    try {
      return (await cached.request).value;
    } catch {
      // That request failed: the first caller after it asks again below.
    }
  }
  const current = tokens.get(key);
  if (current && current !== cached) return darajaAccessToken(settings);
  const entry: { request: Promise<CachedToken>; token?: CachedToken } = { request: requestToken(settings) };
  tokens.set(key, entry);
  try {
    entry.token = await entry.request;
    return entry.token.value;
  } catch (error) {
    if (tokens.get(key) === entry) tokens.delete(key);
    throw error;
  }
}

/** Forgets a token Daraja has refused (401), so the next call asks for a new one. */
export function forgetDarajaAccessToken(settings: DarajaSettings, value: string): void {
  const key = cacheKey(settings);
  if (tokens.get(key)?.token?.value === value) tokens.delete(key);
}
