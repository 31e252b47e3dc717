import { randomUUID } from 'node:crypto';

import { type Logger } from '../logger';
import { type RedisClient } from './redis-clients';

const CLAIM_KEY = 'kiwanda:auto-replan:claim';

/**
 * The automatic re-planner's claim across app processes. Every process hears the same changes
 * (the event relay), so their debounce timers fire within moments of each other; the first to
 * SET NX the key prepares the suggestion and the rest step aside. The key outlives that spread by
 * far but lapses well before the next quiet period can end (half the debounce), so the next round
 * of changes is planned again. Unreachable Redis: this process prepares (a duplicate suggestion at
 * worst, never none).
 */
export function redisReplanClaim({
  redis,
  debounceMs,
  logger,
}: {
  redis: RedisClient;
  debounceMs: number;
  logger: Logger;
}): () => Promise<boolean> {
  const self = randomUUID();
  const holdMs = Math.max(Math.floor(debounceMs / 2), 50);
  return async () => {
    try {
      const taken = await redis.set(CLAIM_KEY, self, { condition: 'NX', expiration: { type: 'PX', value: holdMs } });
      return taken === 'OK';
    } catch (error) {
      logger.warn({ err: error }, 'redis unreachable: preparing the suggested re-plan here');
      return true;
    }
  };
}
