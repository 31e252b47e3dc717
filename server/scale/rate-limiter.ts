import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { type RedisClient } from './redis-clients';

export interface RateLimitOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration?: number;
}

/** Makes rate limiters with the given options: counted in Redis when there is one, else in this process. */
export type CreateRateLimiter = (options: RateLimitOptions) => RateLimiterAbstract;

/**
 * Rate limits that hold across app processes: rate-limiter-flexible's RateLimiterRedis on the
 * shared Redis (the limit is the network's, not each process's). Should Redis be unreachable, its
 * insurance limiter counts in this process meanwhile, so a request is limited, never failed.
 */
export function rateLimiterFactory(redis: RedisClient | undefined): CreateRateLimiter {
  return (options) => {
    if (!redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `kiwanda:${options.keyPrefix}`,
      storeClient: redis,
      useRedisPackage: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
}
