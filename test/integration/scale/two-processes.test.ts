import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type Types } from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ClientToServerEvents, JobStatusChanged, ServerToClientEvents } from '#server/domain/events';
import { Artisan, Job, Plan, Workshop } from '#server/models/index';
import { startPlanRun } from '#server/planning/start-plan-run';

import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { startAppProcess, type AppProcess } from '../../support/app-process';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { startRedis, type TestRedis } from '../../support/start-redis';
import { testDatabaseUri } from '../../support/test-database';
import { seedPlanningFixture } from '../planning/planning-fixture';

type PlannerSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A planner's dashboard connection: every job:status it hears, and a way to wait for one. */
function connectPlanner(url: string, cookie: string) {
  const socket: PlannerSocket = io(url, {
    transports: ['websocket'],
    extraHeaders: { Cookie: cookie },
    forceNew: true,
  });
  const heard: JobStatusChanged[] = [];
  const waiters: { jobId: string; resolve: (event: JobStatusChanged) => void }[] = [];
  socket.on('job:status', (event) => {
    heard.push(event);
    for (const waiter of waiters.filter((entry) => entry.jobId === event.jobId)) waiter.resolve(event);
  });
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    connected,
    heardOf: (jobId: string) => heard.filter((event) => event.jobId === jobId),
    next: (jobId: string) =>
      heard.find((event) => event.jobId === jobId) ??
      new Promise<JobStatusChanged>((resolve) => waiters.push({ jobId, resolve })),
  };
}

/**
 * Kiwanda as deployed on several machines: two app processes, one database, one Redis
 * (REDIS_URL). What one process does reaches the other's sockets once, a plan commit is one for
 * the network, and a process killed outright takes no acknowledged write with it.
 */
describe('two app processes on one database and one Redis', { timeout: 60_000 }, () => {
  let redis: TestRedis;
  let first: AppProcess;
  let second: AppProcess;
  let workshop: Types.ObjectId;
  let artisanCookie: string;
  let nextAction = 0;

  const offeredJob = async () => String((await Job.create(makeJob({ workshop, status: 'offered' })))._id);
  /** The artisan accepts a job from their phone, through `app`'s /phone-actions. */
  const accept = (app: AppProcess, jobId: string) =>
    fetch(`${app.url}/phone-actions`, {
      method: 'POST',
      headers: { cookie: artisanCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        kind: 'accept',
        jobId,
        actionId: `scale-accept-${String(nextAction++).padStart(6, '0')}`,
      }),
    });

  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    redis = await startRedis();
    const env = {
      MONGODB_URI: testDatabaseUri(),
      REDIS_URL: redis.url,
      SESSION_SECRET: 'kiwanda-scale-test-session-secret-0123',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-scale-')),
      // Suggested re-plans would add plans of their own to what the commit test counts.
      REPLAN_DEBOUNCE_MS: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    };
    [first, second] = await Promise.all([
      startAppProcess({ env, startTimeoutMs: 45_000 }),
      startAppProcess({ env, startTimeoutMs: 45_000 }),
    ]);
    workshop = (await Workshop.create(makeWorkshop({ code: 'SCL-001', name: 'Scale Brass' })))._id;
    const artisan = await Artisan.create(makeArtisan({ workshop }));
    artisanCookie = (await signIn({ baseUrl: first.url, role: 'artisan', artisanId: String(artisan._id) })).cookie;
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await redis?.stop();
    await disconnectDomainDatabase();
  });

  it('delivers a job change made through one process to planners on both, once each', async () => {
    const { cookie } = await signIn({ baseUrl: second.url, role: 'planner' });
    const onSecond = connectPlanner(second.url, cookie);
    const onFirst = connectPlanner(first.url, cookie);
    await Promise.all([onSecond.connected, onFirst.connected]);
    try {
      const jobId = await offeredJob();
      const answer = await accept(first, jobId);
      expect(answer.status, await answer.clone().text()).toBe(200);
      expect(await onSecond.next(jobId)).toMatchObject({ jobId, from: 'offered', to: 'accepted' });
      await onFirst.next(jobId);

      // A second change behind it: once it is heard, a duplicate of the first would have been too.
      const laterJobId = await offeredJob();
      expect((await accept(first, laterJobId)).status).toBe(200);
      await Promise.all([onSecond.next(laterJobId), onFirst.next(laterJobId)]);
      expect(onSecond.heardOf(jobId)).toHaveLength(1);
      expect(onFirst.heardOf(jobId)).toHaveLength(1);
    } finally {
      onSecond.socket.disconnect();
      onFirst.socket.disconnect();
    }
  });

  it('lets exactly one of two planners committing at once on two processes commit', async () => {
    const { planner } = await seedPlanningFixture();
    // Two proposals computed on the same data: each alone could be committed.
    const proposals = [];
    for (let run = 0; run < 2; run += 1) {
      proposals.push((await startPlanRun({ actor: planner, trigger: 'planner' }).outcome).planId);
    }
    const [one, two] = await Promise.all([
      signIn({ baseUrl: first.url, role: 'planner' }),
      signIn({ baseUrl: second.url, role: 'planner' }),
    ]);
    const commit = (app: AppProcess, cookie: string, planId: string) =>
      fetch(`${app.url}/planning/${planId}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ intent: 'commit' }),
      });
    const answers = await Promise.all([
      commit(first, one.cookie, proposals[0]),
      commit(second, two.cookie, proposals[1]),
    ]);

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409]);
    const committed = await Plan.find({ _id: { $in: proposals }, status: 'committed' }).lean();
    expect(committed).toHaveLength(1);
    // Only the committed plan's jobs exist: the other wrote nothing.
    const planned = await Job.distinct('plan', { plan: { $in: proposals } });
    expect(planned.map(String)).toEqual([String(committed[0]._id)]);
  });

  it('lives through a Redis restart: both processes keep serving, and events cross again once it is back', async () => {
    const { cookie } = await signIn({ baseUrl: second.url, role: 'planner' });
    const planner = connectPlanner(second.url, cookie);
    await planner.connected;
    try {
      await redis.stop({ abruptly: true });
      const duringOutage = await offeredJob();
      expect((await accept(first, duringOutage)).status).toBe(200);
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);

      await redis.start();
      const afterwards = await offeredJob();
      expect((await accept(first, afterwards)).status).toBe(200);
      expect(await planner.next(afterwards)).toMatchObject({ jobId: afterwards, to: 'accepted' });
      expect([first.child.exitCode, second.child.exitCode]).toEqual([null, null]);
    } finally {
      planner.socket.disconnect();
    }
  });

  it('loses no acknowledged write when a process is killed, and the other keeps serving', async () => {
    const { cookie } = await signIn({ baseUrl: second.url, role: 'planner' });
    const planner = connectPlanner(second.url, cookie);
    await planner.connected;
    try {
      const jobs = await Promise.all(Array.from({ length: 12 }, () => offeredJob()));
      // The first process is killed as soon as one of its answers is in, the rest still in flight.
      let killing: Promise<void> | undefined;
      const answers = await Promise.all(
        jobs.map((jobId) =>
          accept(first, jobId).then(
            (answer) => {
              killing ??= first.kill();
              return { jobId, acknowledged: answer.status === 200 };
            },
            () => ({ jobId, acknowledged: false }),
          ),
        ),
      );
      await killing;
      const acknowledged = answers.filter((answer) => answer.acknowledged).map((answer) => answer.jobId);
      expect(acknowledged.length).toBeGreaterThan(0);
      const stored = await Job.find({ _id: { $in: acknowledged } }, { status: 1 }).lean();
      expect(stored.map((job) => job.status)).toEqual(acknowledged.map(() => 'accepted'));

      // The second process still answers, still writes, and its planner still hears.
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
      const afterwards = await offeredJob();
      expect((await accept(second, afterwards)).status).toBe(200);
      expect(await planner.next(afterwards)).toMatchObject({ jobId: afterwards, to: 'accepted' });
      expect((await Job.findById(afterwards, { status: 1 }).lean())?.status).toBe('accepted');
    } finally {
      planner.socket.disconnect();
    }
  });
});
