import { type Socket } from 'socket.io';

import { type SessionCookies } from '../auth/session-storage';
import { type Logger } from '../logger';
import { loadSessionUser } from '../services/users/session-user';
import { type SocketUser } from './socket-user';

/** Message of the connect_error a client gets without a valid session; clients may match on it. */
export const UNAUTHENTICATED_SOCKET_MESSAGE = 'unauthenticated: sign in to receive live updates';

/**
 * Socket.IO middleware, run for new and recovered sockets alike: reads the same session cookie
 * as the Remix routes. A socket without a live session is refused with a connect_error the
 * client can show; a recovered socket must come back as the user it was.
 */
export function authenticateSocket({ logger, sessions }: { logger: Logger; sessions: SessionCookies }) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const session = await sessions.readSession(socket.handshake.headers.cookie);
      const user = session ? await loadSessionUser({ userId: session.userId }) : null;
      const restored = (socket.data as { user?: SocketUser }).user;
      if (!session || !user || (socket.recovered && restored?.userId !== user.id)) {
        next(new Error(UNAUTHENTICATED_SOCKET_MESSAGE));
        return;
      }
      const socketUser: SocketUser = {
        userId: user.id,
        sessionId: session.sessionId,
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
