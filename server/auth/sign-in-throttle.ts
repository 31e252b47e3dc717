import { RateLimiterRes } from 'rate-limiter-flexible';

import { rateLimiterFactory, type CreateRateLimiter } from '../scale/rate-limiter';

/** Counts failed sign-ins by account and by address (rate-limiter-flexible). */
export interface SignInThrottle {
  /** Seconds to wait before this account or address may try again, or 0 when it may try now. */
  waitSeconds(attempt: SignInAttemptKey): Promise<number>;
  /** A wrong password: counts against the account and the address. */
  recordFailure(attempt: SignInAttemptKey): Promise<void>;
  /** The right password: the account's count starts again (the address's does not). */
  recordSuccess(attempt: SignInAttemptKey): Promise<void>;
}

export interface SignInAttemptKey {
  /** As typed; compared lower-cased and trimmed, as accounts are. */
  email: string;
  address: string;
}

/**
 * The counts live where `createRateLimiter` keeps them: in Redis when REDIS_URL is set (one count
 * for every app process), otherwise in this process.
 */
export function createSignInThrottle({
  failuresPerAccount,
  failuresPerAddress,
  periodSeconds,
  createRateLimiter = rateLimiterFactory(undefined),
}: {
  failuresPerAccount: number;
  failuresPerAddress: number;
  periodSeconds: number;
  createRateLimiter?: CreateRateLimiter;
}): SignInThrottle {
  // Once over the limit a key is blocked for a whole period, however it keeps trying.
  const byAccount = createRateLimiter({
    keyPrefix: 'sign-in-account',
    points: failuresPerAccount,
    duration: periodSeconds,
    blockDuration: periodSeconds,
  });
  const byAddress = createRateLimiter({
    keyPrefix: 'sign-in-address',
    points: failuresPerAddress,
    duration: periodSeconds,
    blockDuration: periodSeconds,
  });
  const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 320);
  const limited = [
    { limiter: byAccount, points: failuresPerAccount, key: (attempt: SignInAttemptKey) => accountKey(attempt.email) },
    { limiter: byAddress, points: failuresPerAddress, key: (attempt: SignInAttemptKey) => attempt.address },
  ];

  return {
    async waitSeconds(attempt) {
      const states = await Promise.all(limited.map(({ limiter, key }) => limiter.get(key(attempt))));
      const waits = states.map((state, index) =>
        state && state.consumedPoints >= limited[index].points ? Math.ceil(state.msBeforeNext / 1000) : 0,
      );
      return Math.max(0, ...waits);
    },
    async recordFailure(attempt) {
      for (const { limiter, key } of limited) {
        // Going over the limit is refused by the library; the next attempt is what answers 429.
        await limiter.consume(key(attempt)).catch((refusal: unknown) => {
          if (!(refusal instanceof RateLimiterRes)) throw refusal;
        });
      }
    },
    async recordSuccess(attempt) {
      await byAccount.delete(accountKey(attempt.email));
    },
  };
}
