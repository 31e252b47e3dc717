import { setTimeout as sleep } from 'node:timers/promises';

import { type Logger } from '../logger';
import { type RunningPlan, type SharedPlanRuns } from '../planning/plan-run-registry';
import { type PlanRunOutcome } from '../planning/plan-run-types';
import { type RedisClient } from './redis-clients';

const RUN_KEY = 'kiwanda:plan-run';
const outcomeKey = (planId: string) => `kiwanda:plan-run:outcome:${planId}`;
/** A claim not renewed for this long is given up: its process died mid-run. */
const CLAIM_MS = 30_000;
/** Progress is written at most this often; the claim is renewed at least this often. */
const WRITE_EVERY_MS = 250;
const RENEW_EVERY_MS = 10_000;
/** How long an outcome waits for processes that joined the run. */
const OUTCOME_SECONDS = 600;
/** How often a process that joined another's run looks whether it is over. */
const POLL_MS = 200;

/** Writes ARGV[2] only while the claim is still the run's own (ARGV[1]). */
const RENEW_OWN = `
local held = redis.call('GET', KEYS[1])
if held and cjson.decode(held).planId == ARGV[1] then
  return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return false`;
const RELEASE_OWN = `
local held = redis.call('GET', KEYS[1])
if held and cjson.decode(held).planId == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type Finished = { outcome: PlanRunOutcome } | { failed: string };

function parseRun(text: string | null): RunningPlan | null {
  if (!text) return null;
  const run = JSON.parse(text) as Omit<RunningPlan, 'startedAt'> & { startedAt: string };
  return { ...run, startedAt: new Date(run.startedAt) };
}

/**
 * The network's one plan run in Redis: a run is claimed with SET NX, its progress written under
 * the same key (so a page served by any process shows it), renewed while it lasts and dropped
 * when it ends, its outcome left behind for the processes that joined it. A process that dies
 * mid-run lets its claim lapse after CLAIM_MS. When Redis cannot be reached the run goes ahead in
 * this process (one run per process at worst), rather than planning being refused.
 */
export function redisPlanRuns({ redis, logger }: { redis: RedisClient; logger: Logger }): SharedPlanRuns {
  let lastWrite = 0;
  let renewTimer: ReturnType<typeof setInterval> | null = null;
  /** A report held back by the throttle, written when its turn comes so the last one is never lost. */
  let trailingWrite: ReturnType<typeof setTimeout> | null = null;
  let writing: RunningPlan | null = null;

  const write = (run: RunningPlan) =>
    redis
      .eval(RENEW_OWN, { keys: [RUN_KEY], arguments: [run.planId, JSON.stringify(run), String(CLAIM_MS)] })
      .catch((error: unknown) => logger.warn({ err: error }, 'plan-run progress could not be shared'));

  return {
    async claim(run) {
      try {
        const taken = await redis.set(RUN_KEY, JSON.stringify(run), {
          condition: 'NX',
          expiration: { type: 'PX', value: CLAIM_MS },
        });
        if (taken !== 'OK') return false;
      } catch (error) {
        logger.warn({ err: error }, 'redis unreachable: planning without the network-wide claim');
        return true;
      }
      writing = { ...run };
      lastWrite = Date.now();
      renewTimer = setInterval(() => void (writing && write(writing)), RENEW_EVERY_MS);
      renewTimer.unref();
      return true;
    },
    report(run) {
      writing = { ...run };
      if (trailingWrite) return;
      const wait = lastWrite + WRITE_EVERY_MS - Date.now();
      trailingWrite = setTimeout(
        () => {
          trailingWrite = null;
          lastWrite = Date.now();
          if (writing) void write(writing);
        },
        Math.max(0, wait),
      );
    },
    async finish(planId, result: Finished) {
      if (renewTimer) clearInterval(renewTimer);
      if (trailingWrite) clearTimeout(trailingWrite);
      renewTimer = null;
      trailingWrite = null;
      writing = null;
      try {
        await redis.set(outcomeKey(planId), JSON.stringify(result), {
          expiration: { type: 'EX', value: OUTCOME_SECONDS },
        });
        await redis.eval(RELEASE_OWN, { keys: [RUN_KEY], arguments: [planId] });
      } catch (error) {
        logger.warn({ err: error, planId }, 'the end of a plan run could not be shared; its claim lapses by itself');
      }
    },
    async current() {
      try {
        return parseRun(await redis.get(RUN_KEY));
      } catch (error) {
        logger.warn({ err: error }, 'redis unreachable: plan runs of other processes cannot be seen');
        return null;
      }
    },
    async outcomeOf(planId) {
      for (;;) {
        const [finished, running] = await Promise.all([redis.get(outcomeKey(planId)), redis.get(RUN_KEY)]);
        if (finished) {
          const result = JSON.parse(finished) as Finished;
          if ('failed' in result) throw new Error(`the plan run ${planId} failed: ${result.failed}`);
          return result.outcome;
        }
        if (parseRun(running)?.planId !== planId) {
          // Ended without leaving an outcome: one last look, in case it was written just now.
          const late = await redis.get(outcomeKey(planId));
          if (late) continue;
          throw new Error(`the plan run ${planId} stopped with its process`);
        }
        await sleep(POLL_MS);
      }
    },
  };
}
