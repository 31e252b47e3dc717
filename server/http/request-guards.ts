import { type NextFunction, type Request, type Response } from 'express';

import { foreignOriginOf } from '../auth/request-origin';
import { type Logger } from '../logger';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A form or API call sent by another site's page (or by an opaque `null` origin) is refused with
 * 403 before any route sees it. Browsers say where a request comes from; servers calling the API
 * send no Origin and pass.
 */
export function refuseForeignOrigins({ logger }: { logger: Logger }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const foreign = foreignOriginOf(req.headers);
    if (!foreign) return next();
    logger.warn({ origin: foreign, method: req.method, path: req.path }, 'cross-site request refused');
    res
      .status(403)
      .type('text/plain')
      .send(`Refused: this ${req.method} came from ${foreign}, not from a page of this site.`);
  };
}

/**
 * Bodies announced larger than the limit are refused with 413 before a byte is read, on every
 * route; bodies sent without a length are cut at the limit where they are read (body-parser).
 */
export function refuseOversizedBodies({ limitBytes }: { limitBytes: number }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const announced = Number(req.headers['content-length'] ?? 0);
    if (!(announced > limitBytes)) return next();
    // The unread body is not worth keeping the connection for.
    res
      .status(413)
      .set('Connection', 'close')
      .type('text/plain')
      .send(`The request body is larger than the ${Math.floor(limitBytes / 1024)} KiB this server accepts.`);
  };
}

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

/**
 * The last error handler: an error that carries a client status (a body too large, malformed
 * JSON, an unsupported encoding) answers that status with its message; anything else is a 500
 * with a plain sentence, and the log keeps the details.
 */
export function answerErrors({ logger }: { logger: Logger }) {
  return (error: HttpError, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      res
        .status(status)
        .type('text/plain')
        .send(error.expose === false ? 'Bad request.' : error.message);
      return;
    }
    logger.error({ err: error, path: req.path }, 'request failed');
    res.status(500).type('text/plain').send('Something went wrong on our side; it has been logged.');
  };
}
