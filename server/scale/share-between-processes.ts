import { type Config } from '../config';
import { type Logger } from '../logger';
import { sharePlanRunsWith } from '../planning/plan-run-registry';
import { relayDomainEvents } from './event-relay';
import { connectRedis, type RedisClients } from './redis-clients';
import { redisReplanClaim } from './replan-claim';
import { redisPlanRuns } from './shared-plan-runs';

export interface SharedBetweenProcesses {
  redis: RedisClients;
  /** The automatic re-planner's claim, so one process prepares each suggestion. */
  replanClaim(debounceMs: number): () => Promise<boolean>;
  close(): Promise<void>;
}

/**
 * With REDIS_URL set, makes what must hold for the whole network hold across app processes:
 * domain events reach every process's caches and re-planner (event-relay.ts), one plan run at a
 * time with its progress seen everywhere (shared-plan-runs.ts), one suggested re-plan per round of
 * changes (replan-claim.ts). Socket.IO's adapter and the rate limiters take `redis` from here too
 * (kiwanda-server.ts, app-context.ts). Unset, nothing changes: one process holds it all.
 */
export async function shareBetweenProcesses({
  config,
  logger,
}: {
  config: Config;
  logger: Logger;
}): Promise<SharedBetweenProcesses | undefined> {
  if (!config.REDIS_URL) return undefined;
  const log = logger.child({ module: 'scale' });
  const redis = await connectRedis({ url: config.REDIS_URL, logger: log });
  const stopRelay = await relayDomainEvents({ redis, logger: log });
  sharePlanRunsWith(redisPlanRuns({ redis: redis.direct, logger: log }));
  return {
    redis,
    replanClaim: (debounceMs) => redisReplanClaim({ redis: redis.direct, debounceMs, logger: log }),
    async close() {
      sharePlanRunsWith(null);
      await stopRelay();
      await redis.close();
    },
  };
}
