import express, { type Request, Router } from 'express';

import { answerApiError } from '../../api/answer-api-error';
import { type Clock } from '../../app-context';
import { type Logger } from '../../logger';
import { receiveShopifyWebhook } from './receive-shopify-webhook';
import { shopifySignatureMatches } from './shopify-signature';

/** Where a shop subscribes its orders/create and orders/cancelled webhooks (one URL; the topic is a header). */
export const SHOPIFY_WEBHOOK_PATH = '/integrations/shopify/webhooks';

export interface ShopifyWebhookSettings {
  secret: string;
  channelName: string;
  leadDays: number;
}

const header = (req: Request, name: string) => req.get(name) ?? undefined;

/**
 * Shopify's order webhooks. The body is read raw here (no JSON parser runs before this router)
 * because the signature is over the exact bytes Shopify sent. A bad signature answers 401, a
 * body that is not JSON or not an order 400 naming the problem; everything else 200 at once,
 * since Shopify sends again whatever is not answered 2xx.
 */
export function createShopifyWebhookRouter({
  settings,
  clock,
  logger,
}: {
  settings: ShopifyWebhookSettings;
  clock: Clock;
  logger: Logger;
}): Router {
  const router = Router();
  router.post('/webhooks', express.raw({ type: () => true, limit: '2mb' }), (req, res, next) => {
    const receive = async () => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (
        !shopifySignatureMatches({ rawBody, header: header(req, 'x-shopify-hmac-sha256'), secret: settings.secret })
      ) {
        logger.warn({ shop: header(req, 'x-shopify-shop-domain') }, 'Shopify webhook with a bad signature refused');
        res.status(401).json({ error: 'the X-Shopify-Hmac-Sha256 signature does not match the body' });
        return;
      }
      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch (error) {
        res.status(400).json({ error: `the body is not JSON: ${(error as Error).message}` });
        return;
      }
      const answer = await receiveShopifyWebhook({
        headers: {
          'X-Shopify-Webhook-Id': header(req, 'x-shopify-webhook-id') ?? '',
          'X-Shopify-Topic': header(req, 'x-shopify-topic') ?? '',
          'X-Shopify-Shop-Domain': header(req, 'x-shopify-shop-domain') ?? '',
          'X-Shopify-Triggered-At': header(req, 'x-shopify-triggered-at'),
        },
        payload,
        settings: { channelName: settings.channelName, leadDays: settings.leadDays, now: clock.now() },
      });
      if (!answer.duplicate && !['order-created', 'order-cancelled'].includes(answer.outcome))
        logger.warn(
          { topic: header(req, 'x-shopify-topic'), ...answer },
          'Shopify webhook recorded without an order change',
        );
      res.status(200).json(answer);
    };
    receive().catch(next);
  });
  router.use(answerApiError(logger));
  return router;
}
