import express from 'express';

import { type Logger } from '../../logger';
import { type ProviderCallbackKind } from '../../models/provider-callback';
import { applyDarajaCallback, storeDarajaCallback } from '../../services/payouts/apply-daraja-callback';
import { sameSecret } from '../same-secret';

const KINDS: Record<string, ProviderCallbackKind> = {
  'b2c/result': 'b2c-result',
  'b2c/timeout': 'b2c-timeout',
  'status/result': 'status-result',
  'status/timeout': 'status-timeout',
};

/**
 * Daraja's result and queue-timeout callbacks, under `/integrations/mpesa/{secret}/…`. Daraja does
 * not sign them, so only the unguessable path and ids Kiwanda issued are trusted. Each callback is
 * stored, answered 200 at once (Daraja does not wait, nor send again), then applied; one stored
 * but not applied when the process dies is applied by the payout worker after the restart.
 */
export function createMpesaCallbackRouter({
  secret,
  logger,
  now = () => new Date(),
}: {
  secret: string;
  logger: Logger;
  now?: () => Date;
}) {
  const router = express.Router();
  router.post(
    '/:secret/:api(b2c|status)/:outcome(result|timeout)',
    express.json({ limit: '64kb' }),
    (req, res, next) => {
      if (!sameSecret(String(req.params.secret), secret)) {
        res.status(404).type('text/plain').send('Not Found');
        return;
      }
      const kind = KINDS[`${req.params.api}/${req.params.outcome}`];
      const attempt = typeof req.query.attempt === 'string' ? req.query.attempt : undefined;
      storeDarajaCallback({ kind, body: req.body as unknown, attempt, now: now() }).then(
        (callback) => {
          res.status(200).json({ ResultCode: 0, ResultDesc: 'Accepted' });
          applyDarajaCallback({ callbackId: callback._id, now: now() }).catch((error: unknown) =>
            logger.error(
              { err: error, kind },
              'M-Pesa callback stored but not applied; the payout worker will apply it',
            ),
          );
        },
        (error: unknown) => next(error),
      );
    },
  );
  return router;
}
