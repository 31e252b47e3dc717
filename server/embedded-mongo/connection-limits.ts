/**
 * What one client may cost the server. MongoDB bounds connections (`net.maxIncomingConnections`) and
 * messages (48 MB); these add what a small shared machine needs on top: a bound on what all connections
 * together may hold in unanswered bytes, and closing connections that stall mid-message or sit idle.
 */
export interface ConnectionLimits {
  /** Connections beyond this are closed as soon as they are accepted (default 1,000). */
  maxConnections: number;
  /** One connection stops being read while its unanswered messages hold more than this (default 16 MB). */
  maxQueuedBytesPerConnection: number;
  /**
   * Bytes of received but unanswered messages (complete or not) that all connections may hold together
   * (default 256 MB); the connection that would go past it is closed.
   */
  maxBufferedBytes: number;
  /** A message whose bytes stop arriving for this long closes its connection (default 30 s). */
  stalledMessageMs: number;
  /** A connection with no command for this long is closed (default 30 min; drivers' pools reconnect). */
  idleMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: 1_000,
  maxQueuedBytesPerConnection: 16 * 1024 * 1024,
  maxBufferedBytes: 256 * 1024 * 1024,
  stalledMessageMs: 30_000,
  idleMs: 30 * 60_000,
};

/** The server-wide count behind `maxBufferedBytes`: connections take bytes as they arrive and give them back when answered. */
export class BufferedBytesBudget {
  private used = 0;

  constructor(private readonly limit: number) {}

  /** False (and nothing taken) when `bytes` more would pass the limit. */
  tryTake(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }
}
