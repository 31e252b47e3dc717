import express from 'express';

import { type Clock } from '../app-context';
import { validateInput } from '../domain/validate-input';
import { sameSecret } from '../integrations/same-secret';
import { type Logger } from '../logger';
import { answerUssd } from './answer-ussd';
import { UssdRequest } from './ussd-request';
import { end } from './ussd-screens';
import { USSD_WORDS } from './ussd-words';

/** Where the USSD callback lives: `{PUBLIC_BASE_URL}/integrations/ussd/{USSD_CALLBACK_SECRET}`. */
export const USSD_CALLBACK_PREFIX = '/integrations/ussd';

/**
 * Africa's Talking's USSD callback. The provider does not sign its requests, so only the
 * unguessable path is trusted; another path is a 404 like any unknown page. Each step arrives
 * form-encoded and is answered in plain text beginning CON (more) or END: a body of another type
 * is a 415, a missing or malformed field a 400 naming it (the provider then ends the session).
 * Anything unexpected is logged and the caller hears an apology, never a 500, so the phone shows
 * words rather than a network error.
 */
export function createUssdRouter({
  secret,
  serviceCode,
  clock,
  logger,
}: {
  secret: string;
  /** When set, the only service code this server answers. */
  serviceCode?: string;
  clock: Clock;
  logger: Logger;
}) {
  const router = express.Router();
  router.post('/:secret', (req, res, next) => {
    if (!sameSecret(String(req.params.secret), secret)) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    if (!req.is('application/x-www-form-urlencoded')) {
      res
        .status(415)
        .type('text/plain')
        .send('Send the USSD fields form-encoded (Content-Type: application/x-www-form-urlencoded).');
      return;
    }
    next();
  });
  router.post('/:secret', express.urlencoded({ extended: false, limit: '8kb' }), (req, res) => {
    let request: UssdRequest;
    try {
      request = validateInput(UssdRequest, req.body);
    } catch (error) {
      res
        .status(400)
        .type('text/plain')
        .send((error as Error).message);
      return;
    }
    if (serviceCode && request.serviceCode !== serviceCode) {
      res.status(400).type('text/plain').send(`serviceCode: this server answers ${serviceCode} only`);
      return;
    }
    answerUssd({ request, now: clock.now() }).then(
      (screen) => res.status(200).type('text/plain').send(screen),
      (error: unknown) => {
        logger.error({ err: error, sessionId: request.sessionId }, 'USSD request failed');
        res.status(200).type('text/plain').send(end(USSD_WORDS.en.failed));
      },
    );
  });
  return router;
}
