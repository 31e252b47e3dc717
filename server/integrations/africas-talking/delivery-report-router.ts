import express from 'express';

import { ValidationError } from '../../domain/errors';
import { type Logger } from '../../logger';
import { applyDeliveryReport } from '../../services/messages/apply-delivery-report';
import { sameSecret } from '../same-secret';

/**
 * Africa's Talking's SMS delivery reports, form POSTs to `/integrations/africas-talking/{secret}/
 * sms/delivery-reports` (the URL registered in its dashboard). They are not signed, so only the
 * unguessable path and message ids Kiwanda got back from its own sends are trusted. A report is
 * applied (one small transaction) and answered 200; a report for an id Kiwanda does not know is
 * answered 200 too and logged, so the provider does not keep sending it; a body that is not a
 * report is answered 400 naming the field.
 */
export function createDeliveryReportRouter({
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
    '/:secret/sms/delivery-reports',
    express.urlencoded({ extended: false, limit: '16kb' }),
    (req, res, next) => {
      if (!sameSecret(String(req.params.secret), secret)) {
        res.status(404).type('text/plain').send('Not Found');
        return;
      }
      const body: unknown = req.body;
      applyDeliveryReport({ report: (typeof body === 'object' && body ? body : {}) as never, now: now() }).then(
        (outcome) => {
          if (outcome === 'unknown-id')
            logger.warn(
              { id: (body as { id?: unknown }).id },
              'SMS delivery report for a message id Kiwanda did not send; ignored',
            );
          res.status(200).type('text/plain').send('OK');
        },
        (error: unknown) => {
          if (error instanceof ValidationError) {
            res.status(400).type('text/plain').send(error.message);
            return;
          }
          next(error);
        },
      );
    },
  );
  return router;
}
