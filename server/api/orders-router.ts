import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';

import { type AppContext } from '../app-context';
import { type ChannelDoc } from '../models/channel';
import { answerApiError } from './answer-api-error';
import { channelOrderView } from './channel-order-view';
import { OPENAPI_DOCUMENT } from './openapi-document';

type ApiContext = Pick<AppContext, 'api' | 'config' | 'logger' | 'createRateLimiter'>;

/** The channel a request was authenticated as (set by the key check). */
function channelOf(res: Response): ChannelDoc {
  return res.locals.channel as ChannelDoc;
}

/** Express 4 does not pass a rejected promise on to the error handler by itself. */
const handle =
  (work: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    work(req, res).catch(next);

function bearerKey(req: Request): string | undefined {
  const header = req.get('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/**
 * `/api/v1`: the versioned REST API through which the web shop and retail partners send orders.
 * Every request carries a channel key; each channel has its own rate limit.
 * The limit is counted in Redis when REDIS_URL is set, so it is the channel's across every app process.
 */
export function createOrdersApiRouter(context: ApiContext): Router {
  const router = Router();
  const limiter = context.createRateLimiter({
    keyPrefix: 'channel-api',
    points: context.config.API_RATE_LIMIT_PER_MINUTE,
    duration: 60,
  });

  // The description of the API is public: a channel's developers read it before they have a key.
  router.get('/openapi.json', (_req, res) => {
    res.json(OPENAPI_DOCUMENT);
  });
  router.use(express.json({ limit: '200kb' }));
  // Key first (401), then the channel's quota (429 with Retry-After); only then the route.
  router.use((req, res, next) => {
    const admit = async () => {
      const channel = await context.api.authenticateChannelKey({ key: bearerKey(req) });
      try {
        const quota = await limiter.consume(String(channel._id));
        res.set('RateLimit-Remaining', String(quota.remainingPoints));
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        res.set('Retry-After', String(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000))));
        res.status(429).json({ error: 'too many requests for this channel; retry after the Retry-After seconds' });
        return;
      }
      res.locals.channel = channel;
      next();
    };
    admit().catch(next);
  });

  router.post(
    '/orders',
    handle(async (req, res) => {
      const { order, replayed } = await context.api.createChannelOrder({
        channel: channelOf(res),
        idempotencyKey: req.get('idempotency-key'),
        body: req.body,
      });
      if (replayed) res.set('Idempotent-Replayed', 'true');
      res
        .status(replayed ? 200 : 201)
        .location(`/api/v1/orders/${String(order._id)}`)
        .json(channelOrderView(order));
    }),
  );

  router.get(
    '/orders/:orderId',
    handle(async (req, res) => {
      const order = await context.api.readChannelOrder({ channel: channelOf(res), orderId: req.params.orderId });
      res.json(channelOrderView(order));
    }),
  );

  router.post(
    '/orders/:orderId/cancel',
    handle(async (req, res) => {
      const body: unknown = req.body;
      const reason = typeof body === 'object' && body !== null ? (body as { reason?: unknown }).reason : undefined;
      const order = await context.api.cancelChannelOrder({
        channel: channelOf(res),
        orderId: req.params.orderId,
        reason,
      });
      res.json(channelOrderView(order));
    }),
  );

  router.use((_req, res) => {
    res.status(404).json({ error: 'no such API route' });
  });
  router.use(answerApiError(context.logger));
  return router;
}
