import { type SignInThrottle } from '../../auth/sign-in-throttle';
import { AuthenticationError, TooManyRequestsError } from '../../domain/errors';
import { type Logger } from '../../logger';
import { authenticateUser } from '../users/authenticate-user';
import { type SessionUser } from '../users/session-user';

/**
 * One sign-in attempt from the /login form, throttled by account and by address: after too many
 * wrong passwords the answer is 429 with the wait, even for the right password, and the refusal
 * is logged. Malformed input (no e-mail, no password) is a 400 and counts for nothing.
 */
export async function attemptSignIn({
  throttle,
  logger,
  email,
  password,
  address,
}: {
  throttle: SignInThrottle;
  logger: Logger;
  email: string;
  password: string;
  /** The client's IP address, as Express sees it. */
  address: string;
}): Promise<SessionUser> {
  const attempt = { email, address };
  const wait = await throttle.waitSeconds(attempt);
  if (wait > 0) {
    logger.warn({ email: email.slice(0, 320), address, retryAfterSeconds: wait }, 'sign-in throttled');
    throw new TooManyRequestsError(
      `Too many failed sign-ins for this account or from this address. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`,
      wait,
    );
  }
  const user = await authenticateUser({ email, password });
  if (!user) {
    await throttle.recordFailure(attempt);
    logger.info({ address }, 'sign-in refused: wrong e-mail or password');
    throw new AuthenticationError('That e-mail and password do not match an account.');
  }
  await throttle.recordSuccess(attempt);
  return user;
}
