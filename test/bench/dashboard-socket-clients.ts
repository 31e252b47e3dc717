/**
 * Child process of the dashboard benchmark: opens many signed-in Socket.IO clients, like the
 * browsers of a room full of planners, and notes when each receives each `job:status`. Runs in
 * its own process so the clients' work does not slow the server being measured.
 *
 * Messages from the parent: { type: 'connect', url, cookie, clients } → { type: 'connected', ms }
 * · { type: 'report', jobId } → { type: 'report', jobId, receivedAt: number[] } · { type: 'health' } →
 * { type: 'health', connected, disconnects, reconnects } · { type: 'close' }.
 * Times are epoch milliseconds with sub-millisecond precision (timeOrigin + now), comparable
 * across the two processes of one machine.
 */
import { io, type Socket } from 'socket.io-client';

import type { ClientToServerEvents, JobStatusChanged, ServerToClientEvents } from '#server/domain/events';

/** What the `health` message answers: the sockets still connected, and drops and reconnections so far. */
export interface SocketHealth {
  connected: number;
  disconnects: number;
  reconnects: number;
}

type Message =
  | { type: 'connect'; url: string; cookie: string; clients: number }
  | { type: 'report'; jobId: string }
  | { type: 'health' }
  | { type: 'close' };

const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
const received = new Map<string, number[]>();
// A server that falls behind its sockets' heartbeats drops them, and their reconnecting costs it more.
let disconnects = 0;
let reconnects = 0;
const now = () => performance.timeOrigin + performance.now();
const send = (message: unknown) => process.send?.(message);

function onJobStatus(event: JobStatusChanged): void {
  const at = now();
  const times = received.get(event.jobId) ?? [];
  times.push(at);
  received.set(event.jobId, times);
}

async function connectOne(url: string, cookie: string): Promise<void> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    extraHeaders: { Cookie: cookie },
    forceNew: true,
  });
  socket.on('job:status', onJobStatus);
  socket.on('disconnect', () => void (disconnects += 1));
  socket.io.on('reconnect', () => void (reconnects += 1));
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

process.on('message', async (message: Message) => {
  if (message.type === 'connect') {
    const started = now();
    // In waves, as people open their dashboards, not all in one instant.
    for (let start = 0; start < message.clients; start += 50) {
      const wave = Math.min(50, message.clients - start);
      await Promise.all(Array.from({ length: wave }, () => connectOne(message.url, message.cookie)));
    }
    send({ type: 'connected', ms: now() - started, clients: sockets.filter((socket) => socket.connected).length });
  } else if (message.type === 'report') {
    send({ type: 'report', jobId: message.jobId, receivedAt: received.get(message.jobId) ?? [] });
    received.delete(message.jobId);
  } else if (message.type === 'health') {
    const health: SocketHealth = {
      connected: sockets.filter((socket) => socket.connected).length,
      disconnects,
      reconnects,
    };
    send({ type: 'health', ...health });
  } else if (message.type === 'close') {
    for (const socket of sockets) socket.disconnect();
    process.exit(0);
  }
});
