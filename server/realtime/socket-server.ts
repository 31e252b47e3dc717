import { type Server as HttpServer } from 'node:http';

import { Server } from 'socket.io';

import { type SessionCookies } from '../auth/session-storage';
import { type ClientToServerEvents, type ServerToClientEvents } from '../domain/events';
import { type Logger } from '../logger';
import { KIWANDA_VERSION } from '../version';
import { authenticateSocket } from './authenticate-socket';
import { forwardDomainEvents } from './forward-domain-events';
import { roomsFor } from './rooms';
import { type SocketData } from './socket-user';

/** Server processes send each other no events of their own. */
type InterServerEvents = Record<string, never>;

export type KiwandaIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Attaches Socket.IO to the same http.Server that serves the Remix app. Only signed-in users
 * connect; each socket joins the rooms of its role, workshop and artisan, and domain events are
 * forwarded to the rooms allowed to see them.
 */
export function attachRealtime(
  httpServer: HttpServer,
  { logger, sessions }: { logger: Logger; sessions: SessionCookies },
): KiwandaIo {
  const io: KiwandaIo = new Server(httpServer, {
    serveClient: false,
    // A phone that drops off for a moment gets the events it missed on reconnect.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
  });
  io.use(authenticateSocket({ logger, sessions }));

  io.on('connection', (socket) => {
    socket.data.connectedAt = Date.now();
    // A recovered socket keeps its rooms and data; a new one joins its rooms now.
    if (!socket.recovered) void socket.join(roomsFor(socket.data.user));
    logger.debug({ socketId: socket.id, recovered: socket.recovered, role: socket.data.user.role }, 'socket connected');
    socket.emit('server:hello', { version: KIWANDA_VERSION, serverTime: new Date().toISOString() });
    socket.on('server:ping', (ack) => {
      if (typeof ack !== 'function') return;
      ack({ serverTime: new Date().toISOString() });
    });
  });

  const stopForwarding = forwardDomainEvents((rooms, name, payload) => {
    // A socket in several of the rooms still gets the event once.
    (io.to(rooms).emit as (event: string, payload: unknown) => boolean)(name, payload);
  });
  httpServer.once('close', stopForwarding);
  return io;
}
