import { setTimeout as sleep } from 'node:timers/promises';

import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type DomainEventPayload } from '#server/domain/events';
import { domainEvents, type EventOrigin } from '#server/domain-events';
import { createLogger } from '#server/logger';
import { type RunningPlan } from '#server/planning/plan-run-registry';
import { type PlanRunOutcome } from '#server/planning/plan-run-types';
import { EVENT_RELAY_CHANNEL, relayDomainEvents } from '#server/scale/event-relay';
import { rateLimiterFactory } from '#server/scale/rate-limiter';
import { connectRedis, type RedisClients } from '#server/scale/redis-clients';
import { redisReplanClaim } from '#server/scale/replan-claim';
import { redisPlanRuns } from '#server/scale/shared-plan-runs';

import { startRedis, type TestRedis } from '../../support/start-redis';

const logger = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });

const run = (planId: string): RunningPlan => ({
  planId,
  trigger: 'planner',
  startedAt: new Date('2026-03-04T09:30:00Z'),
  startedBy: 'Grace',
  fraction: 0,
  phase: 'starting',
  message: 'starting',
});

const outcome = (planId: string): PlanRunOutcome => ({
  planId,
  trigger: 'planner',
  optimizerStatus: 'optimal',
  demandUnits: 10,
  placedUnits: 10,
  unplacedUnits: 0,
  timings: { readMs: 1, solveMs: 1, saveMs: 1, totalMs: 3 },
});

/** Waits (without a deadline of its own: the test's timeout is the limit) until `check` holds. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await sleep(20);
}

/**
 * What several app processes share through Redis, each piece with two connections standing for
 * two processes: the plan run, the suggested re-plan's claim, rate limits, the event relay; and
 * a Redis restart, which the app lives through.
 */
describe('state shared between app processes through Redis', () => {
  let redis: TestRedis;
  let one: RedisClients;
  let two: RedisClients;

  beforeAll(async () => {
    redis = await startRedis();
    [one, two] = await Promise.all([
      connectRedis({ url: redis.url, logger }),
      connectRedis({ url: redis.url, logger }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await redis?.stop();
  });

  it('lets one process run the plan, shows its progress to the other, and hands it the outcome', async () => {
    const here = redisPlanRuns({ redis: one.direct, logger });
    const there = redisPlanRuns({ redis: two.direct, logger });
    expect(await here.claim(run('plan-a'))).toBe(true);
    expect(await there.claim(run('plan-b'))).toBe(false);
    expect(await there.current()).toMatchObject({ planId: 'plan-a', startedBy: 'Grace' });

    here.report({ ...run('plan-a'), fraction: 0.5, phase: 'solving', message: 'half way' });
    await until(async () => (await there.current())?.phase === 'solving');
    expect((await there.current())?.startedAt).toEqual(new Date('2026-03-04T09:30:00Z'));

    const joined = there.outcomeOf('plan-a');
    await here.finish('plan-a', { outcome: outcome('plan-a') });
    expect(await joined).toEqual(outcome('plan-a'));
    expect(await there.current()).toBeNull();
    expect(await there.claim(run('plan-b'))).toBe(true);
    await there.finish('plan-b', { failed: 'the optimizer refused the data' });
    await expect(here.outcomeOf('plan-b')).rejects.toThrow(/refused the data/);
  });

  it('tells a process waiting on a run whose process died, instead of waiting forever', async () => {
    const dying = redisPlanRuns({ redis: one.direct, logger });
    const waiting = redisPlanRuns({ redis: two.direct, logger });
    expect(await dying.claim(run('plan-c'))).toBe(true);
    const joined = waiting.outcomeOf('plan-c');
    // What the claim's expiry does after 30 s without renewal.
    await one.direct.del('kiwanda:plan-run');
    await expect(joined).rejects.toThrow(/stopped with its process/);
    await dying.finish('plan-c', { outcome: outcome('plan-c') });
  });

  it('prepares each suggested re-plan in one process only', async () => {
    const claims = [one, two].map((clients) => redisReplanClaim({ redis: clients.direct, debounceMs: 60_000, logger }));
    expect(await Promise.all(claims.map((claim) => claim()))).toEqual([true, false]);
    expect(await Promise.all(claims.map((claim) => claim()))).toEqual([false, false]);
    await one.direct.del('kiwanda:auto-replan:claim');
  });

  it('counts a rate limit once for all processes', async () => {
    const options = { keyPrefix: 'test-limit', points: 3, duration: 60 };
    const [here, there] = [one, two].map((clients) => rateLimiterFactory(clients.direct)(options));
    await here.consume('channel-1');
    await there.consume('channel-1');
    await here.consume('channel-1');
    await expect(there.consume('channel-1')).rejects.toBeInstanceOf(RateLimiterRes);
    // Another key has its own count.
    await expect(there.consume('channel-2')).resolves.toMatchObject({ remainingPoints: 2 });
  });

  it('relays this process’s events to the others, and theirs to its network listeners only', async () => {
    const stopRelay = await relayDomainEvents({ redis: one, logger });
    const relayed: string[] = [];
    const listener = two.subscriber.duplicate();
    listener.on('error', () => {});
    await listener.connect();
    await listener.subscribe(EVENT_RELAY_CHANNEL, (message) => relayed.push(message));
    const network: [DomainEventPayload<'order:created'>, EventOrigin][] = [];
    const local: DomainEventPayload<'order:created'>[] = [];
    const stops = [
      domainEvents.subscribe('order:created', (event, origin) => network.push([event, origin])),
      domainEvents.subscribeLocal('order:created', (event) => local.push(event)),
    ];
    try {
      const mine = { orderId: 'order-here', source: 'web', shipByWeek: '2026-W12', units: 4 } as const;
      domainEvents.publish('order:created', mine);
      await until(() => relayed.length === 1);
      expect(JSON.parse(relayed[0])).toMatchObject({ name: 'order:created', payload: mine, duringPlanCommit: false });

      const theirs = { ...mine, orderId: 'order-there' };
      await two.queued.publish(
        EVENT_RELAY_CHANNEL,
        JSON.stringify({ from: 'another-process', name: 'order:created', payload: theirs, duringPlanCommit: false }),
      );
      await until(() => network.length === 2);
      expect(network).toEqual([
        [mine, { remote: false, duringPlanCommit: false }],
        [theirs, { remote: true, duringPlanCommit: false }],
      ]);
      // The process's own event came back through Redis too, and was not delivered twice.
      expect(local).toEqual([mine]);
    } finally {
      stops.forEach((stop) => stop());
      await stopRelay();
      listener.destroy();
    }
  });

  it('lives through a Redis restart: limits count locally meanwhile, and everything reconnects', async () => {
    const limiter = rateLimiterFactory(one.direct)({ keyPrefix: 'restart-limit', points: 5, duration: 60 });
    const stopRelay = await relayDomainEvents({ redis: one, logger });
    const heard: string[] = [];
    const stop = domainEvents.subscribe('order:cancelled', (event) => heard.push(event.orderId));
    try {
      await redis.stop({ abruptly: true });
      // Redis is gone: the limiter answers from its insurance (this process's counts), no error.
      await expect(limiter.consume('channel-1')).resolves.toMatchObject({ remainingPoints: 4 });
      await expect(redisPlanRuns({ redis: one.direct, logger }).current()).resolves.toBeNull();

      await redis.start();
      await until(() => one.direct.isReady && one.subscriber.isReady && two.queued.isReady);
      expect(await one.direct.ping()).toBe('PONG');
      // The relay's subscription came back with the connection.
      await until(async () => {
        await two.queued.publish(
          EVENT_RELAY_CHANNEL,
          JSON.stringify({
            from: 'another-process',
            name: 'order:cancelled',
            payload: { orderId: 'after-restart', cancelledJobs: 0 },
            duringPlanCommit: false,
          }),
        );
        await sleep(50);
        return heard.includes('after-restart');
      });
    } finally {
      stop();
      await stopRelay();
    }
  });
});
