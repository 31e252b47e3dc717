import { createServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';

import { startWebhookDispatcher } from './api/webhook-dispatcher';
import { createAppContext, SYSTEM_CLOCK, type AppContext, type Clock } from './app-context';
import { createSessionCookies, sessionCookieSecure } from './auth/session-storage';
import { type Config } from './config';
import { connectDatabase, type Database } from './database';
import { createHttpApp } from './http-app';
import { type Logger } from './logger';
import { ensureCollectionsAndIndexes } from './models';
import { startAutoReplanner } from './planning/auto-replanner';
import { attachRealtime, type KiwandaIo } from './realtime/socket-server';
import { loadRemixBuild } from './remix-build';
import { loadDemoNetworkIfEmpty } from './seed/load-demo-network';
import { resolveSessionSecret } from './session-secret';

export interface RunningKiwanda {
  url: string;
  port: number;
  httpServer: HttpServer;
  io: KiwandaIo;
  database: Database;
  context: AppContext;
  /** Stops accepting, closes sockets, flushes and closes the database. */
  close(): Promise<void>;
}

/** Boots Kiwanda in order: database → Remix build → Express → Socket.IO on the same server → listen. */
export async function startKiwandaServer({
  config,
  logger,
  clock = SYSTEM_CLOCK,
}: {
  config: Config;
  logger: Logger;
  /** Tests pass a fixed clock to see the network as of a chosen moment. */
  clock?: Clock;
}): Promise<RunningKiwanda> {
  const development = config.NODE_ENV === 'development';
  const sessions = createSessionCookies({
    secret: resolveSessionSecret({ config, logger }),
    secure: sessionCookieSecure(config),
  });
  const database = await connectDatabase({ config, logger });
  // Unique indexes carry guarantees (one payment per job, one account per e-mail): build them first.
  await ensureCollectionsAndIndexes();
  // Tests start from a database of their own making.
  if (config.NODE_ENV !== 'test') await loadDemoNetworkIfEmpty({ logger });
  const context = createAppContext({ config, logger, clock, sessions });
  const remix = await loadRemixBuild({ development, logger });
  const app = createHttpApp({ logger, database, context, getBuild: remix.getBuild, development });

  const httpServer = createServer(app);
  const io = attachRealtime(httpServer, { logger, sessions });
  const autoReplanner =
    config.REPLAN_DEBOUNCE_MS > 0
      ? startAutoReplanner({
          logger: logger.child({ module: 'planning' }),
          debounceMs: config.REPLAN_DEBOUNCE_MS,
          now: () => clock.now(),
        })
      : undefined;
  const webhookDispatcher =
    config.WEBHOOK_POLL_MS > 0
      ? startWebhookDispatcher({
          logger: logger.child({ module: 'webhooks' }),
          pollMs: config.WEBHOOK_POLL_MS,
          retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
          maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
        })
      : undefined;
  const openSockets = new Set<Socket>();
  httpServer.on('connection', (socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${host}:${port}`;
  logger.info({ url, database: database.mode }, 'kiwanda listening');

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
    close: () => (closing ??= close()),
  };
}
