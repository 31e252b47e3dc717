import { createServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';

import express from 'express';

import { type Config } from './config';
import { securityHeaders } from './http/security-headers';
import { type Logger } from './logger';
import { createReadinessGate, type ReadinessGateOptions } from './readiness-gate';
import { createSetupStatus, type SetupStatus } from './services/setup/setup-status';

export interface BootListener {
  url: string;
  port: number;
  httpServer: HttpServer;
  openSockets: Set<Socket>;
  setup: SetupStatus;
  /** Hands requests to the app once it is built, and tells the gate how to act on first run. */
  attach(options: { app: express.Express } & Pick<ReadinessGateOptions, 'accountsExist' | 'loadDemo'>): void;
}

/**
 * The first thing Kiwanda does: listen. Until the app is attached every request gets the
 * preparing page and /healthz a 503 saying where the boot stands. NOTE: this module imports
 * only what those answers need, so the port opens before the rest of the server is loaded.
 */
export async function listenFirst({ config, logger }: { config: Config; logger: Logger }): Promise<BootListener> {
  const setup = createSetupStatus();
  let app: express.Express | undefined;
  let actions: Pick<ReadinessGateOptions, 'accountsExist' | 'loadDemo'> = {
    accountsExist: async () => false,
    loadDemo: () => {},
  };
  const outer = express();
  outer.disable('x-powered-by');
  // Every answer carries the security headers, the preparing and first-run pages as much as the app's.
  outer.use(
    securityHeaders({ production: config.NODE_ENV === 'production', development: config.NODE_ENV === 'development' }),
  );
  outer.use(
    createReadinessGate({
      status: setup,
      logger,
      accountsExist: () => actions.accountsExist(),
      loadDemo: () => actions.loadDemo(),
    }),
  );
  outer.use((req, res, next) => (app ? app(req, res, next) : res.status(503).end()));

  const httpServer = createServer(outer);
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
  // CPU time beside wall time: on a busy machine the wall time mostly measures the neighbours.
  const { user, system } = process.cpuUsage();
  logger.info(
    { url, sinceStartMs: Math.round(process.uptime() * 1000), cpuMs: Math.round((user + system) / 1000) },
    'kiwanda listening; preparing',
  );
  return {
    url,
    port,
    httpServer,
    openSockets,
    setup,
    attach(options) {
      app = options.app;
      actions = options;
    },
  };
}
