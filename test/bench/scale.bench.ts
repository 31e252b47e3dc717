/**
 * Several app processes as deployed: Redis (its own process), the embedded database (its own
 * process), the demo network in it, and two Kiwanda processes (`node --import tsx server/index.ts`
 * with REDIS_URL) on it. CLIENTS signed-in planner dashboards are spread evenly over the two
 * processes (held by two child processes of socket clients); one job status change a second for
 * CHANGES seconds is made through the first process (an artisan accepting an offer from their
 * phone, over HTTP). Each change is timed from the moment its request is sent until each socket
 * hears `job:status`; a socket that never hears it counts as lost.
 *
 * Run with `npm run bench:scale` (CLIENTS, CHANGES to change the load). Target: p95 delivery
 * ≤ 250 ms, nothing lost.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import mongoose, { Types } from 'mongoose';

import { Artisan, ensureCollectionsAndIndexes, Job } from '#server/models/index';
import { BUILD_PATH } from '#server/remix-build';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '#server/services/users/list-demo-accounts';

import { startEmbeddedServerProcess } from '../embedded-mongo/embedded-server-process';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { signIn } from '../support/sign-in';
import { startRedis } from '../support/start-redis';

const CLIENTS = Number(process.env.CLIENTS ?? 2_000);
const CHANGES = Number(process.env.CHANGES ?? 60);
const TARGET_P95_MS = 250;
const now = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A child process holding `clients` planner sockets on `url` (test/bench/dashboard-socket-clients.ts). */
async function socketClients(url: string, cookie: string, clients: number) {
  const child: ChildProcess = fork(path.resolve('test/bench/dashboard-socket-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const reply = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
    });
  child.send({ type: 'connect', url, cookie, clients });
  const connected = await reply<{ ms: number; clients: number }>('connected');
  if (connected.clients !== clients) throw new Error(`only ${connected.clients} of ${clients} sockets connected`);
  return {
    connectMs: connected.ms,
    async heard(jobId: string): Promise<number[]> {
      child.send({ type: 'report', jobId });
      return (await reply<{ receivedAt: number[] }>('report')).receivedAt;
    },
    close: () => child.send({ type: 'close' }),
  };
}

/**
 * Offered jobs with an artisan of their workshop who has the skill, each artisan signed in on
 * `app`. The demo network's own offers come first; on a day when it holds too few (a weekend),
 * more are offered like ones its workshops already hold (same order line, fresh job).
 */
async function offersToAccept(app: AppProcess, count: number) {
  const offered = await Job.find({ status: 'offered' }).limit(count).lean();
  if (offered.length < count) {
    const models = await Job.find({ status: { $in: ['accepted', 'in_progress'] } })
      .limit((count - offered.length) * 2)
      .lean();
    const fresh = models.map(({ _id: _job, artisan: _artisan, statusHistory: _history, ...job }) => ({
      ...job,
      _id: new Types.ObjectId(),
      status: 'offered' as const,
      passedQuantity: 0,
      failedQuantity: 0,
      statusHistory: [
        { from: null, to: 'offered' as const, at: new Date(), by: { role: 'system', label: 'benchmark' } },
      ],
    }));
    await Job.insertMany(fresh);
    offered.push(...(fresh as typeof offered));
  }
  const cookies = new Map<string, string>();
  const picked: { jobId: string; cookie: string }[] = [];
  for (const job of offered) {
    if (picked.length === count) break;
    const artisan = await Artisan.findOne({ workshop: job.workshop, status: 'active', skills: job.skill }, { _id: 1 });
    if (!artisan) continue;
    const artisanId = String(artisan._id);
    if (!cookies.has(artisanId))
      cookies.set(artisanId, (await signIn({ baseUrl: app.url, role: 'artisan', artisanId })).cookie);
    picked.push({ jobId: String(job._id), cookie: cookies.get(artisanId) as string });
  }
  if (picked.length < count) throw new Error(`only ${picked.length} of ${count} offers have an artisan who can accept`);
  return picked;
}

async function main(): Promise<void> {
  if (!existsSync(BUILD_PATH)) {
    console.log('no production build: running `npm run build`…');
    const result = spawnSync('npm', ['run', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const redis = await startRedis();
  const database = await startEmbeddedServerProcess({ dbPath: mkdtempSync(path.join(tmpdir(), 'kiwanda-scale-db-')) });
  const uri = database.uri.replace(/^(mongodb:\/\/[^/?]+)\/?[^?]*/, '$1/kiwanda_scale_bench');
  const apps: AppProcess[] = [];
  const children: Awaited<ReturnType<typeof socketClients>>[] = [];
  try {
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
    await ensureCollectionsAndIndexes();
    const seeded = await seedDemoNetwork({ options: { referenceDate: new Date() }, replaceRealData: true });
    console.log(
      `demo network: ${seeded.counts.artisans} artisans, ${seeded.counts.workshops} workshops, ${seeded.counts.jobs} jobs`,
    );
    const env = {
      NODE_ENV: 'production',
      MONGODB_URI: uri,
      REDIS_URL: redis.url,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-scale-data-')),
      SESSION_SECRET: 'kiwanda-scale-bench-secret-0123456789',
      SESSION_COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
    };
    apps.push(...(await Promise.all([startAppProcess({ env }), startAppProcess({ env })])));
    const [first, second] = apps;

    const login = await fetch(`${first.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: `planner@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORD, redirectTo: '/' }),
      redirect: 'manual',
    });
    const plannerCookie = login.headers.get('set-cookie')?.split(';')[0];
    if (login.status !== 302 || !plannerCookie) throw new Error(`planner sign-in failed: ${login.status}`);
    const half = Math.floor(CLIENTS / 2);
    children.push(
      ...(await Promise.all([
        socketClients(first.url, plannerCookie, half),
        socketClients(second.url, plannerCookie, CLIENTS - half),
      ])),
    );
    console.log(
      `${CLIENTS} planner sockets connected (${half} to each process) in ${(Math.max(...children.map((c) => c.connectMs)) / 1000).toFixed(1)} s`,
    );

    // Three changes ahead of the measured ones warm up the path.
    const offers = await offersToAccept(first, CHANGES + 3);
    const sentAt = new Map<string, number>();
    let actionCount = 0;
    const changes: Promise<void>[] = [];
    const tickStart = now();
    for (const [index, offer] of offers.entries()) {
      // One change a second, on the second, whether or not the last one has been answered.
      await sleep(Math.max(0, tickStart + index * 1_000 - now()));
      sentAt.set(offer.jobId, now());
      changes.push(
        fetch(`${first.url}/phone-actions`, {
          method: 'POST',
          headers: { cookie: offer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            kind: 'accept',
            jobId: offer.jobId,
            actionId: `scale-bench-${String(actionCount++).padStart(6, '0')}`,
          }),
        }).then(async (answer) => {
          if (answer.status !== 200)
            throw new Error(`accepting ${offer.jobId}: ${answer.status} ${await answer.text()}`);
        }),
      );
    }
    await Promise.all(changes);
    // Late deliveries still count (as late); only what never arrives is lost.
    await sleep(3_000);

    const deliveries: { first: number[]; second: number[] } = { first: [], second: [] };
    const worstPerChange: number[] = [];
    let lost = 0;
    for (const [index, offer] of offers.entries()) {
      const heard = await Promise.all(children.map((child) => child.heard(offer.jobId)));
      if (index < 3) continue;
      const sent = sentAt.get(offer.jobId) as number;
      lost += CLIENTS - heard[0].length - heard[1].length;
      deliveries.first.push(...heard[0].map((at) => at - sent));
      deliveries.second.push(...heard[1].map((at) => at - sent));
      const all = [...heard[0], ...heard[1]];
      if (all.length > 0) worstPerChange.push(Math.max(...all) - sent);
    }

    const rows = [
      ['every delivery', [...deliveries.first, ...deliveries.second]],
      ['  to sockets on the process that made the change', deliveries.first],
      ['  to sockets on the other process', deliveries.second],
      ['last socket of each change', worstPerChange],
    ] as const;
    console.log(`\n${CHANGES} changes, one a second, through the first process; ${CLIENTS} sockets\n`);
    console.log('measure                                              n   median ms   p95 ms   max ms');
    for (const [name, samples] of rows) {
      const sorted = [...samples].sort((a, b) => a - b);
      console.log(
        `${name.padEnd(50)} ${String(sorted.length).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(11)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${sorted[sorted.length - 1].toFixed(1).padStart(8)}`,
      );
    }
    const p95 = percentile(
      [...deliveries.first, ...deliveries.second].sort((a, b) => a - b),
      95,
    );
    console.log(`\nlost: ${lost} of ${CHANGES * CLIENTS} deliveries`);
    console.log(
      `p95 delivery ${p95.toFixed(1)} ms (target ≤ ${TARGET_P95_MS} ms): ${p95 <= TARGET_P95_MS && lost === 0 ? 'ok' : 'MISSED'}`,
    );
  } finally {
    children.forEach((child) => child.close());
    await Promise.all(apps.map((app) => app.stop()));
    await mongoose.disconnect();
    await database.stop();
    await redis.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
