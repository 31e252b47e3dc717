import { constants as zlibConstants } from 'node:zlib';

import { type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { pinoHttp } from 'pino-http';

import { createOrdersApiRouter } from './api/orders-router';
import { type AppContext } from './app-context';
import { type Database } from './database';
import { remixRequestHandler } from './http/remix-request-handler';
import { answerErrors, refuseForeignOrigins, refuseOversizedBodies } from './http/request-guards';
import { cspNonceOf } from './http/security-headers';
import { createDeliveryReportRouter } from './integrations/africas-talking/delivery-report-router';
import { SMS_CALLBACK_PREFIX } from './integrations/africas-talking/sms-settings';
import { createMpesaCallbackRouter } from './integrations/mpesa/callback-router';
import { MPESA_CALLBACK_PREFIX } from './integrations/mpesa/daraja-settings';
import { createShopifyWebhookRouter, SHOPIFY_WEBHOOK_PATH } from './integrations/shopify/shopify-webhook-router';
import { type Logger } from './logger';
import { type PageThreads } from './page-threads/start-page-threads';
import { redactCallbackSecret } from './redact-callback-secret';
import { createUssdRouter, USSD_CALLBACK_PREFIX } from './ussd/ussd-router';
import { KIWANDA_VERSION } from './version';

/** A path whose last segment looks like a file name (`/sw.js`, `/icons/icon-192.png`). */
const FILE_NAME = /\.[^/]+$/;

export interface HttpAppOptions {
  logger: Logger;
  database: Database;
  /** Handed to every loader and action (typed for app/ in app/load-context.ts). */
  context: AppContext;
  getBuild: () => ServerBuild;
  development: boolean;
  /** Threads that render GET and HEAD pages (server/page-threads/); without them, this thread renders all. */
  pageThreads?: PageThreads;
}

/**
 * The Express app: security headers on everything, cross-site and oversized requests refused,
 * then the health check, the channels' API, static assets and every other request to Remix.
 */
export function createHttpApp({
  logger,
  database,
  context,
  getBuild,
  development,
  pageThreads,
}: HttpAppOptions): express.Express {
  const { config } = context;
  const app = express();
  app.disable('x-powered-by');
  // Security headers are set by the boot listener in front of this app (boot-listener.ts), for every answer.
  // NOTE: the fastest level. A planner's page is 50–100 KB of HTML asked for many times a second;
  // at zlib's default level compressing it costs a few ms of the server's CPU per page, at level 1
  // about half that, for a body a little larger on the LAN or mobile link.
  app.use(compression({ level: zlibConstants.Z_BEST_SPEED }));
  app.use(
    pinoHttp({
      logger,
      // Assets and health probes would drown the log; requests that matter stay one line each.
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url?.startsWith('/build/') === true },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      // NOTE: the request joins its line when the line is written. Bound to a child logger made for
      // every request instead, it is serialized (headers and all) whether or not the level is on:
      // a fifth of a millisecond of each channel order at 200 a second, with only warnings logged.
      quietReqLogger: true,
      quietResLogger: true,
      customSuccessObject: (req, _res, line: object) => ({ ...line, req }),
      customErrorObject: (req, _res, _error, line: object) => ({ ...line, req }),
      serializers: {
        req: (req: { url: string }) => Object.assign(req, { url: redactCallbackSecret(req.url) }),
      },
    }),
  );
  app.use(refuseForeignOrigins({ logger }));
  app.use(refuseOversizedBodies({ limitBytes: config.MAX_REQUEST_BODY_BYTES }));

  app.get('/healthz', (_req, res) => {
    const databaseState = database.state();
    const threadStatus = pageThreads?.status() ?? [];
    res.status(databaseState === 'connected' ? 200 : 503).json({
      status: databaseState === 'connected' ? 'ok' : 'degraded',
      version: KIWANDA_VERSION,
      database: { state: databaseState, mode: database.mode },
      // Pages are rendered on the main thread while no page thread is ready: slower, never refused.
      pageThreads: { started: threadStatus.length, ready: threadStatus.filter((thread) => thread.ready).length },
    });
  });

  // The channels' API answers JSON itself; it never reaches Remix.
  app.use('/api/v1', createOrdersApiRouter(context));

  // The web shop's Shopify webhooks, read raw (their signature is over the exact bytes); off without a secret.
  if (config.SHOPIFY_WEBHOOK_SECRET)
    app.use(
      '/integrations/shopify',
      createShopifyWebhookRouter({
        settings: {
          secret: config.SHOPIFY_WEBHOOK_SECRET,
          channelName: config.SHOPIFY_CHANNEL,
          leadDays: config.SHOPIFY_LEAD_DAYS,
        },
        clock: context.clock,
        logger: logger.child({ module: 'shopify' }),
      }),
    );
  else
    app.use(SHOPIFY_WEBHOOK_PATH, (_req, res) => {
      res.status(503).json({ error: 'Shopify webhooks are not configured: set SHOPIFY_WEBHOOK_SECRET' });
    });

  // M-Pesa's result callbacks answer JSON themselves, under their secret path.
  const { daraja } = context.payouts;
  if (daraja.enabled)
    app.use(
      MPESA_CALLBACK_PREFIX,
      createMpesaCallbackRouter({ secret: daraja.settings.callbackSecret, logger: logger.child({ module: 'mpesa' }) }),
    );

  // Artisans on feature phones: Africa's Talking's USSD callback answers plain text, under its secret path.
  if (config.USSD_CALLBACK_SECRET)
    app.use(
      USSD_CALLBACK_PREFIX,
      createUssdRouter({
        secret: config.USSD_CALLBACK_SECRET,
        serviceCode: config.USSD_SERVICE_CODE,
        clock: context.clock,
        logger: logger.child({ module: 'ussd' }),
      }),
    );
  // Africa's Talking's SMS delivery reports, form POSTs under their secret path.
  const { sms } = context.messages;
  if (sms.enabled)
    app.use(
      SMS_CALLBACK_PREFIX,
      createDeliveryReportRouter({ secret: sms.settings.callbackSecret, logger: logger.child({ module: 'sms' }) }),
    );
  // Off: say so plainly rather than let a report wander into the pages.
  else
    app.use(SMS_CALLBACK_PREFIX, (_req, res) => void res.status(503).type('text/plain').send('SMS is not configured'));

  // Fingerprinted bundles never change under the same name, so browsers may keep them for a year.
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  // Every file in public/ has an extension: addresses without one (every page but the CSV and PDF
  // exports) skip the disk lookup, a stat and a not-found error per page otherwise.
  const publicFiles = express.static('public', { maxAge: '1h' });
  app.use((req, res, next) => (FILE_NAME.test(req.path) ? publicFiles(req, res, next) : next()));

  app.all(
    '*',
    remixRequestHandler({
      getBuild,
      mode: development ? 'development' : 'production',
      bodyLimitBytes: config.MAX_REQUEST_BODY_BYTES,
      context,
      clientOf: (req, res) => ({ address: req.ip ?? req.socket.remoteAddress ?? 'unknown', cspNonce: cspNonceOf(res) }),
      pageThreads,
    }),
  );
  app.use(answerErrors({ logger }));
  return app;
}
