import { createRequestHandler } from '@remix-run/express';
import { type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { pinoHttp } from 'pino-http';

import { createOrdersApiRouter } from './api/orders-router';
import { type AppContext } from './app-context';
import { type Database } from './database';
import { createMpesaCallbackRouter } from './integrations/mpesa/callback-router';
import { MPESA_CALLBACK_PREFIX } from './integrations/mpesa/daraja-settings';
import { type Logger } from './logger';
import { KIWANDA_VERSION } from './version';

export interface HttpAppOptions {
  logger: Logger;
  database: Database;
  /** Handed to every loader and action (typed for app/ in app/load-context.ts). */
  context: AppContext;
  getBuild: () => ServerBuild;
  development: boolean;
}

/** The Express app: health check, static assets, then every other request to Remix. */
export function createHttpApp({ logger, database, context, getBuild, development }: HttpAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(compression());
  app.use(
    pinoHttp({
      logger,
      // Assets and health probes would drown the log; requests that matter stay one line each.
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url?.startsWith('/build/') === true },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );

  app.get('/healthz', (_req, res) => {
    const databaseState = database.state();
    res.status(databaseState === 'connected' ? 200 : 503).json({
      status: databaseState === 'connected' ? 'ok' : 'degraded',
      version: KIWANDA_VERSION,
      database: { state: databaseState, mode: database.mode },
    });
  });

  // The channels' API answers JSON itself; it never reaches Remix.
  app.use('/api/v1', createOrdersApiRouter(context));

  // M-Pesa's result callbacks answer JSON themselves, under their secret path.
  const { daraja } = context.payouts;
  if (daraja.enabled)
    app.use(
      MPESA_CALLBACK_PREFIX,
      createMpesaCallbackRouter({ secret: daraja.settings.callbackSecret, logger: logger.child({ module: 'mpesa' }) }),
    );

  // Fingerprinted bundles never change under the same name, so browsers may keep them for a year.
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  app.use(express.static('public', { maxAge: '1h' }));

  // A function, not a value: in development the build is swapped on every rebuild.
  app.all(
    '*',
    createRequestHandler({
      build: async () => getBuild(),
      mode: development ? 'development' : 'production',
      getLoadContext: () => context,
    }),
  );
  return app;
}
