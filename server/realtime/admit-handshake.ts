import { type IncomingMessage } from 'node:http';

import { foreignOriginOf } from '../auth/request-origin';
import { type SessionCookies } from '../auth/session-storage';
import { type Logger } from '../logger';

/**
 * Engine.IO's `allowRequest`: the HTTP request that opens a connection must come from this site
 * (or from no page at all) and carry a live session.
 *
 * NOTE: the session is checked here, and not only in the Socket.IO middleware, because Socket.IO
 * restores a recovered socket's rooms and sends it the packets it missed before any middleware
 * runs: a reconnection without a valid cookie must be refused before it reaches that point.
 */
export function admitHandshake({ logger, sessions }: { logger: Logger; sessions: SessionCookies }) {
  return (request: IncomingMessage, answer: (message: string | null | undefined, admitted: boolean) => void) => {
    const foreign = foreignOriginOf(request.headers);
    if (foreign) {
      logger.warn({ origin: foreign }, 'socket refused: another site opened it');
      answer(`live updates are only for pages of this site, not ${foreign}`, false);
      return;
    }
    sessions.readSession(request.headers.cookie).then(
      (session) => answer(session ? null : 'unauthenticated: sign in to receive live updates', session !== null),
      (error: unknown) => {
        logger.error({ err: error }, 'socket handshake: could not check the session');
        answer('could not check the session; try again', false);
      },
    );
  };
}
