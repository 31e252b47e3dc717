import { type ObjectId } from 'bson';

import { type ScramCredential } from './auth/scram-sha-256';
import { type CursorRegistry } from './cursors/cursor-registry';
import { type SessionRegistry } from './sessions/session-registry';
import { type Engine } from './storage/engine';

/** The pino-compatible subset of a logger this server writes to. */
export interface EmbeddedLogger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export const silentLogger: EmbeddedLogger = { info() {}, warn() {}, error() {}, debug() {} };

/** How the server presents itself in `hello`: a one-member replica set whose only member is this process. */
export interface ServerIdentity {
  /** host:port exactly as clients reach it; drivers need it in the replica set's host list. */
  address: string;
  setName: string;
  electionId: ObjectId;
  startedAt: Date;
}

export interface ServerContext {
  engine: Engine;
  cursors: CursorRegistry;
  sessions: SessionRegistry;
  identity: ServerIdentity;
  logger: EmbeddedLogger;
  /** The account clients must log in as (SCRAM-SHA-256); without it every connection is trusted. */
  credential?: ScramCredential;
}
