import { type ErrorRequestHandler } from 'express';

import { DatabaseBusyError, DomainError, ValidationError } from '../domain/errors';
import { type Logger } from '../logger';

/**
 * The API's error answers: `{ error, fields? }` with the domain error's status; a bad body names
 * every bad field in `fields`. Anything else is a bug: logged, and answered 500 without detail.
 */
export function answerApiError(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof ValidationError) {
      res.status(400).json({ error: error.message, fields: error.issues });
      return;
    }
    if (error instanceof DomainError) {
      if (error instanceof DatabaseBusyError) res.set('Retry-After', String(error.retryAfterSeconds));
      res.status(error.status).json({ error: error.message });
      return;
    }
    // express.json() refuses malformed or oversized bodies with a status of its own.
    const status = (error as { status?: unknown; type?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: `the request body could not be read: ${(error as Error).message}` });
      return;
    }
    logger.error({ err: error }, 'channel API request failed');
    res.status(500).json({ error: 'internal error; it has been logged' });
  };
}
