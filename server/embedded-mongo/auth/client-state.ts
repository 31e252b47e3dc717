import { type ScramConversation } from './scram-sha-256';

/** What the server remembers about one client connection between its commands. */
export interface ClientState {
  /** Reported as `connectionId` in `hello`. */
  readonly id: number;
  /** True from the start when the server needs no credentials (a private socket, or in memory for tests). */
  authenticated: boolean;
  /** The SCRAM exchange in progress, between saslStart and saslContinue. */
  conversation?: ScramConversation;
}
