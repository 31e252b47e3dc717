import { randomBytes } from 'node:crypto';

/**
 * A password an administrator hands on once (a new account, a reset): 96 random bits, written in
 * base64url so it can be read out or typed on a phone. Kiwanda sends no e-mail, so the admin's
 * page shows it once and never again; only its hash is kept.
 */
export function oneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}
