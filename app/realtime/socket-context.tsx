import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';

import type { ClientToServerEvents, ServerToClientEvents } from '#server/domain/events';

export type KiwandaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `offline` is also what the server renders: a page read without JavaScript has no live link,
 * and says so until the browser has really connected.
 */
export type LiveStatus = 'offline' | 'connecting' | 'connected';

interface SocketContextValue {
  socket: KiwandaSocket | null;
  status: LiveStatus;
}

const SocketContext = createContext<SocketContextValue>({ socket: null, status: 'offline' });

/** Holds the one Socket.IO connection of the page; pages subscribe through `useSocket`. */
export function SocketProvider({ children, enabled = true }: { children: ReactNode; enabled?: boolean }) {
  const [value, setValue] = useState<SocketContextValue>({ socket: null, status: 'offline' });

  useEffect(() => {
    if (!enabled) {
      setValue({ socket: null, status: 'offline' });
      return;
    }
    const socket: KiwandaSocket = io({ transports: ['websocket', 'polling'] });
    const publish = (status: LiveStatus) => setValue({ socket, status });
    publish('connecting');
    socket.on('connect', () => publish('connected'));
    socket.on('disconnect', () => publish('offline'));
    // A refused handshake (signed out, session expired) is not retried by the client.
    socket.on('connect_error', () => {
      if (!socket.active) publish('offline');
    });
    socket.io.on('reconnect_attempt', () => publish('connecting'));
    return () => {
      socket.disconnect();
    };
  }, [enabled]);

  return <SocketContext.Provider value={value}>{children}</SocketContext.Provider>;
}

export function useSocket(): SocketContextValue {
  return useContext(SocketContext);
}
