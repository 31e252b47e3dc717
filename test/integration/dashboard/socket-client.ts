import { io, type Socket } from 'socket.io-client';

import type { ClientToServerEvents, ServerToClientEvents } from '#server/domain/events';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real Socket.IO client signed in with a session cookie, connected before it is returned. */
export async function connectSignedIn({
  url,
  cookie,
  reconnection = true,
}: {
  url: string;
  cookie: string;
  reconnection?: boolean;
}): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    transports: ['websocket'],
    extraHeaders: { Cookie: cookie },
    reconnection,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Every payload of `event` the socket receives from now on. */
export function recordEvents<Name extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: Name,
): Parameters<ServerToClientEvents[Name]>[0][] {
  const received: Parameters<ServerToClientEvents[Name]>[0][] = [];
  (socket.on as (name: string, listener: (payload: never) => void) => void)(event, (payload) => received.push(payload));
  return received;
}

/** Resolves when `check` passes, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean,
  { what, timeoutMs = 5_000 }: { what: string; timeoutMs?: number },
): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
