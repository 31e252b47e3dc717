import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether a Shopify webhook is genuine: `X-Shopify-Hmac-Sha256` carries the base64 HMAC-SHA256 of
 * the raw request body under the shop's webhook secret. Computed over the bytes as received (a
 * re-serialised JSON body would not match) and compared in constant time.
 */
export function shopifySignatureMatches({
  rawBody,
  header,
  secret,
}: {
  rawBody: Buffer;
  header: string | undefined;
  secret: string;
}): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const presented = Buffer.from(header, 'base64');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
