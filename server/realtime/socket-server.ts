import { type Server as HttpServer } from 'node:http';

import { Server } from 'socket.io';

import { type SessionCookies } from '../auth/session-storage';
import { type ClientToServerEvents, type ServerToClientEvents } from '../domain/events';
import { domainEvents } from '../domain-events';
import { type Logger } from '../logger';
import { type RedisClient } from '../scale/redis-clients';
import { redisStreamsAdapter } from '../scale/socket-adapter';
import { KIWANDA_VERSION } from '../version';
import { admitHandshake } from './admit-handshake';
import { authenticateSocket } from './authenticate-socket';
import { forwardDomainEvents } from './forward-domain-events';
import { roomsFor, sessionRoom, userRoom } from './rooms';
import { type SocketData } from './socket-user';

/** Server processes send each other no events of their own. */
type InterServerEvents = Record<string, never>;

export type KiwandaIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Attaches Socket.IO to the same http.Server that serves the Remix app. Only pages of this site
 * with a live session connect; each socket joins the rooms of its role, session, workshop and
 * artisan, domain events are forwarded to the rooms allowed to see them, and a socket is
 * disconnected the moment its session ends.
 */
export function attachRealtime(
  httpServer: HttpServer,
  {
    logger,
    sessions,
    redis,
  }: {
    logger: Logger;
    sessions: SessionCookies;
    /** With several app processes: rooms and emissions are shared through this Redis connection. */
    redis?: RedisClient;
  },
): KiwandaIo {
  const io: KiwandaIo = new Server(httpServer, {
    serveClient: false,
    // A phone that drops off for a moment gets the events it missed on reconnect, once its
    // session has been checked again (admitHandshake, then the middleware).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    allowRequest: admitHandshake({ logger, sessions }),
    ...(redis ? { adapter: redisStreamsAdapter(redis) } : {}),
  });
  io.use(authenticateSocket({ logger, sessions }));

  io.on('connection', (socket) => {
    socket.data.connectedAt = Date.now();
    // A recovered socket comes back with its old rooms: rejoin those of the session it has now.
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
    void socket.join(roomsFor(socket.data.user));
    logger.debug({ socketId: socket.id, recovered: socket.recovered, role: socket.data.user.role }, 'socket connected');
    socket.emit('server:hello', { version: KIWANDA_VERSION, serverTime: new Date().toISOString() });
    socket.on('server:ping', (ack) => {
      if (typeof ack !== 'function') return;
      ack({ serverTime: new Date().toISOString() });
    });
  });

  // Only this process's own events: through the adapter one emission reaches every process's sockets.
  const stopForwarding = forwardDomainEvents((rooms, name, payload) => {
    // A socket in several of the rooms still gets the event once.
    (io.to(rooms).emit as (event: string, payload: unknown) => boolean)(name, payload);
  });
  // Signed out, password changed, deactivated: the session's sockets go now, not at their next reconnect.
  const stopDisconnecting = domainEvents.subscribeLocal('session:ended', ({ userId, sessionId }) => {
    io.in(sessionId ? sessionRoom(sessionId) : userRoom(userId)).disconnectSockets(true);
  });
  httpServer.once('close', () => {
    stopForwarding();
    stopDisconnecting();
  });
  return io;
}
