import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A channel key reads `kiw_<key id>_<secret>`: the key id (8 random bytes, hex) finds the stored
 * record through a unique index; the secret (32 random bytes, base64url) is checked against its
 * hash. NOTE: a keyed HMAC-SHA256 (keyed by the key id, so equal secrets never hash alike), not a
 * slow password KDF: the secret is 256 random bits, so guessing is hopeless anyway, and every
 * API request must be checked in microseconds, not the tens of milliseconds argon2 would cost.
 */
const KEY_PATTERN = /^kiw_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedChannelKey {
  keyId: string;
  secret: string;
}

export function newChannelKey(): ParsedChannelKey & { key: string } {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `kiw_${keyId}_${secret}`, keyId, secret };
}

/** The key id and secret of a presented key, or null when it is not shaped like a Kiwanda key. */
export function parseChannelKey(key: string): ParsedChannelKey | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

export function hashChannelKeySecret({ keyId, secret }: ParsedChannelKey): string {
  return createHmac('sha256', keyId).update(secret).digest('hex');
}

export function secretMatchesHash({ keyId, secret, secretHash }: ParsedChannelKey & { secretHash: string }): boolean {
  const presented = Buffer.from(hashChannelKeySecret({ keyId, secret }), 'hex');
  const stored = Buffer.from(secretHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
