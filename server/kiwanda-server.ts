import { type Server as HttpServer } from 'node:http';

import { startWebhookDispatcher } from './api/webhook-dispatcher';
import { createAppContext, SYSTEM_CLOCK, type AppContext, type Clock } from './app-context';
import { createSessionCookies, sessionCookieSecure } from './auth/session-storage';
import { listenFirst, type BootListener } from './boot-listener';
import { type Config } from './config';
import { clearReadModelCaches } from './dashboard/read-model-cache';
import { connectDatabase, type Database } from './database';
import { createHttpApp } from './http-app';
import { createSmsClient } from './integrations/africas-talking/sms-client';
import { createDarajaClient } from './integrations/mpesa/daraja-client';
import { type Logger } from './logger';
import { ensureCollectionsAndIndexes } from './models';
import { User } from './models/user';
import { pageThreadCount, type PageThreads, startPageThreads } from './page-threads/start-page-threads';
import { startAutoReplanner } from './planning/auto-replanner';
import { attachRealtime, type KiwandaIo } from './realtime/socket-server';
import { loadRemixBuild } from './remix-build';
import { shareBetweenProcesses, type SharedBetweenProcesses } from './scale/share-between-processes';
import { seedDemoNetwork } from './seed/load-demo-network';
import { startMessageWorker } from './services/messages/message-worker';
import { startPayoutWorker } from './services/payouts/payout-worker';
import { type SetupStatus } from './services/setup/setup-status';
import { resolveSessionSecret } from './session-secret';

export interface RunningKiwanda {
  url: string;
  port: number;
  httpServer: HttpServer;
  io: KiwandaIo;
  database: Database;
  context: AppContext;
  /** Threads rendering GET and HEAD pages, when running (server/page-threads/). */
  pageThreads: PageThreads | undefined;
  /** Where the boot stands: starting, first run, loading the demo network, ready. */
  setup: SetupStatus;
  /** Settles when every page is served (after the demo network loads, or a first-run choice). */
  ready: Promise<void>;
  /** Stops accepting, closes sockets, flushes and closes the database. */
  close(): Promise<void>;
}

/**
 * Boots Kiwanda so that it answers at once: listen (every request gets the preparing page) →
 * database → Remix build → Express and Socket.IO on the same server → the demo network or the
 * first-run page when the database is empty → ready.
 */
export async function startKiwandaServer({
  config,
  logger,
  clock = SYSTEM_CLOCK,
  firstRun = config.NODE_ENV !== 'test',
  listener,
}: {
  config: Config;
  logger: Logger;
  /** Tests pass a fixed clock to see the network as of a chosen moment. */
  clock?: Clock;
  /** Whether an empty database opens the first-run page; tests start from a database of their own making. */
  firstRun?: boolean;
  /** The server already listening (server/index.ts opens it before loading the rest). */
  listener?: BootListener;
}): Promise<RunningKiwanda> {
  const development = config.NODE_ENV === 'development';
  const boot = listener ?? (await listenFirst({ config, logger }));
  const { url, port, httpServer, openSockets, setup } = boot;
  const session = { secret: resolveSessionSecret({ config, logger }), secure: sessionCookieSecure(config) };
  const sessions = createSessionCookies(session);
  const ready = setup.whenReady;
  // A server starting reads the database afresh, as a new process would: what changed while no
  // server ran announced nothing (tests restart a server within one process).
  clearReadModelCaches();

  const loadDemo = () => {
    if (setup.current().state === 'loading-demo') return;
    setup.loadingDemo(null);
    seedDemoNetwork({ logger, onProgress: (progress) => setup.loadingDemo(progress) }).then(
      () => setup.ready(),
      (error: unknown) => {
        logger.error({ err: error }, 'loading the demo network failed');
        setup.failed(`Loading the demo network failed: ${(error as Error).message}`);
      },
    );
  };

  let database: Database;
  let context: AppContext;
  let remix: Awaited<ReturnType<typeof loadRemixBuild>>;
  let shared: SharedBetweenProcesses | undefined;
  try {
    database = await connectDatabase({ config, logger });
    // Unique indexes carry guarantees (one payment per job, one account per e-mail): build them first.
    await ensureCollectionsAndIndexes();
    // REDIS_URL: several app processes share sockets, events, plan runs and rate limits.
    shared = await shareBetweenProcesses({ config, logger });
    context = createAppContext({ config, logger, clock, sessions, redis: shared?.redis.direct });
    remix = await loadRemixBuild({ development, logger });
  } catch (error) {
    await shared?.close();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    throw error;
  }
  // Page threads render with the system clock only: a test's fixed clock stays on this thread.
  const pageThreads =
    clock === SYSTEM_CLOCK && pageThreadCount(config) > 0
      ? startPageThreads({ count: pageThreadCount(config), config, session, database: database.address, logger })
      : undefined;
  const app = createHttpApp({ logger, database, context, getBuild: remix.getBuild, development, pageThreads });
  boot.attach({ app, accountsExist: async () => (await User.exists({})) !== null, loadDemo });
  const io = attachRealtime(httpServer, { logger, sessions, redis: shared?.redis.queued });

  if ((await User.exists({})) !== null) {
    setup.ready();
  } else if (config.KIWANDA_DEMO) {
    logger.info('empty database and KIWANDA_DEMO=1: loading the demo network');
    loadDemo();
  } else if (firstRun) {
    logger.info(
      { url },
      'empty database: open Kiwanda in a browser to load the demo network or create the first administrator',
    );
    setup.firstRun();
  } else {
    setup.ready();
  }
  void ready.then(() => {
    logger.info({ url, database: database.mode }, 'kiwanda ready');
  });

  // Background work starts once there is a network to work on.
  let autoReplanner: ReturnType<typeof startAutoReplanner> | undefined;
  let webhookDispatcher: ReturnType<typeof startWebhookDispatcher> | undefined;
  let payoutWorker: ReturnType<typeof startPayoutWorker> | undefined;
  let messageWorker: ReturnType<typeof startMessageWorker> | undefined;
  const { daraja } = context.payouts;
  if (!daraja.enabled) logger.warn(daraja.reason);
  const { sms } = context.messages;
  if (!sms.enabled) logger.warn(sms.reason);
  void ready.then(() => {
    if (closing) return;
    autoReplanner =
      config.REPLAN_DEBOUNCE_MS > 0
        ? startAutoReplanner({
            logger: logger.child({ module: 'planning' }),
            debounceMs: config.REPLAN_DEBOUNCE_MS,
            now: () => clock.now(),
            claimPreparation: shared?.replanClaim(config.REPLAN_DEBOUNCE_MS),
          })
        : undefined;
    webhookDispatcher =
      config.WEBHOOK_POLL_MS > 0
        ? startWebhookDispatcher({
            logger: logger.child({ module: 'webhooks' }),
            pollMs: config.WEBHOOK_POLL_MS,
            retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
            maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
          })
        : undefined;
    payoutWorker =
      daraja.enabled && config.PAYOUT_POLL_MS > 0
        ? startPayoutWorker({
            client: createDarajaClient(daraja.settings),
            logger: logger.child({ module: 'payouts' }),
            pollMs: config.PAYOUT_POLL_MS,
            resultWaitMs: config.PAYOUT_RESULT_WAIT_MS,
          })
        : undefined;
    messageWorker =
      sms.enabled && config.SMS_POLL_MS > 0
        ? startMessageWorker({
            client: createSmsClient(sms.settings),
            logger: logger.child({ module: 'sms' }),
            pollMs: config.SMS_POLL_MS,
          })
        : undefined;
  });

  let closing: Promise<void> | undefined;
  async function close() {
    remix.stopWatching();
    // Socket.IO's close also closes the http.Server, which stops accepting new connections.
    const serverClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await io.close();
    httpServer.closeIdleConnections();
    // Keep-alive connections with a request in flight get a moment to finish, then are cut.
    const drainTimer = setTimeout(() => openSockets.forEach((socket) => socket.destroy()), 1_500);
    await serverClosed;
    clearTimeout(drainTimer);
    await autoReplanner?.stop();
    await webhookDispatcher?.stop();
    await payoutWorker?.stop();
    await messageWorker?.stop();
    await pageThreads?.close();
    await shared?.close();
    await database.close();
    logger.info('kiwanda stopped');
  }

  return {
    url,
    port,
    httpServer,
    io,
    database,
    context,
    pageThreads,
    setup,
    ready,
    close: () => (closing ??= close()),
  };
}
