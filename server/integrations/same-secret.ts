import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a callback path's secret segment is the configured one. The providers do not sign their
 * callbacks, so this comparison is the whole proof of origin: made in constant time, so that the
 * time of a refusal does not tell how much of a guess was right.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
