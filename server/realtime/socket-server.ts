import { type Server as HttpServer } from 'node:http';

import { Server } from 'socket.io';

import { type Logger } from '../logger';
import { KIWANDA_VERSION } from '../version';
import {
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from './events';

export type KiwandaIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Attaches Socket.IO to the same http.Server that serves the Remix app. */
export function attachRealtime(httpServer: HttpServer, { logger }: { logger: Logger }): KiwandaIo {
  const io: KiwandaIo = new Server(httpServer, {
    serveClient: false,
    // A phone that drops off for a moment gets the events it missed on reconnect.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
  });

  io.on('connection', (socket) => {
    socket.data.connectedAt = Date.now();
    logger.debug({ socketId: socket.id, recovered: socket.recovered }, 'socket connected');
    socket.emit('server:hello', { version: KIWANDA_VERSION, serverTime: new Date().toISOString() });
    socket.on('server:ping', (ack) => {
      if (typeof ack !== 'function') return;
      ack({ serverTime: new Date().toISOString() });
    });
  });

  return io;
}
