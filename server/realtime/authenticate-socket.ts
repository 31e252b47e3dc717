import { type Socket } from 'socket.io';

import { type SessionCookies } from '../auth/session-storage';
import { type Logger } from '../logger';
import { loadSessionUser } from '../services/users/session-user';
import { type SocketUser } from './socket-user';

/** Message of the connect_error a client gets without a valid session; clients may match on it. */
export const UNAUTHENTICATED_SOCKET_MESSAGE = 'unauthenticated: sign in to receive live updates';

/**
 * Socket.IO middleware: reads the same signed session cookie as the Remix routes. A socket
 * without a valid session is refused with a connect_error the client can show.
 */
export function authenticateSocket({ logger, sessions }: { logger: Logger; sessions: SessionCookies }) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const userId = await sessions.readUserId(socket.handshake.headers.cookie);
      const user = userId ? await loadSessionUser({ userId }) : null;
      if (!user) {
        next(new Error(UNAUTHENTICATED_SOCKET_MESSAGE));
        return;
      }
      const socketUser: SocketUser = {
        userId: user.id,
        role: user.role,
        artisanId: user.artisanId,
        workshopId: user.workshopId,
      };
      socket.data.user = socketUser;
      next();
    } catch (error) {
      logger.error({ err: error }, 'socket authentication failed');
      next(new Error('could not check the session; try again'));
    }
  };
}
