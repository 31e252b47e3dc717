/**
 * The one list of realtime events, shared by the server and the browser (type-only import).
 * Names are `entity:verb`. A pushed event tells a page what to revalidate or patch; the
 * loaders stay the source of truth.
 */
export interface ServerHello {
  version: string;
  serverTime: string;
}

export interface ServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
}

export interface ClientToServerEvents {
  /** Round trip used by clients to measure latency and prove the link is alive. */
  'server:ping': (ack: (reply: { serverTime: string }) => void) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  connectedAt: number;
}
