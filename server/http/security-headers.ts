import { randomBytes } from 'node:crypto';

import { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';

/** The nonce of this response's Content-Security-Policy, for the inline scripts Remix renders. */
export const cspNonceOf = (res: Response): string => String(res.locals.cspNonce ?? '');

/**
 * Security headers on every response, by helmet: a Content-Security-Policy allowing only this
 * site's scripts (and Remix's inline ones, by nonce), no framing, nosniff, a same-origin
 * referrer, and HSTS in production.
 */
export function securityHeaders({ production, development }: { production: boolean; development: boolean }) {
  const assignNonce = (_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
  return [
    assignNonce,
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${cspNonceOf(res as Response)}'`],
          // NOTE: style attributes are how Recharts and a few bars set their sizes; no style sheet
          // but the site's own loads, and script stays locked down.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          // Socket.IO to this site; in development also the Remix dev server's reload socket.
          connectSrc: development ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Browsers ignore HSTS over plain HTTP, so a plain-HTTP lab install is unaffected.
      strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      // Cross-origin isolation would block nothing Kiwanda loads, but gains nothing either.
      crossOriginEmbedderPolicy: false,
    }),
  ];
}
