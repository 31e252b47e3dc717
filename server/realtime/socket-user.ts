import { type Role } from '../domain/roles';

/** Who is on the other end of a socket, read from the session cookie at the handshake. */
export interface SocketUser {
  userId: string;
  /** The session record the socket was opened with: ending it disconnects the socket. */
  sessionId: string;
  role: Role;
  artisanId: string | null;
  workshopId: string | null;
}

/** What the server keeps on each socket. */
export interface SocketData {
  connectedAt: number;
  user: SocketUser;
}
