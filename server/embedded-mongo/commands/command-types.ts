import { type Document } from 'bson';

import { type ClientState } from '../auth/client-state';
import { type ServerContext } from '../server-context';
import { type Session } from '../sessions/session-registry';
import { type Transaction } from '../sessions/transaction';
import { type DataAccess } from '../storage/data-access';

export interface CommandRequest {
  server: ServerContext;
  /** The command document as received (BSON types preserved). */
  command: Document;
  name: string;
  /** The database the command runs against (`$db`). */
  db: string;
  access: DataAccess;
  session?: Session;
  transaction?: Transaction;
  /** The connection the command came on: its id and whether it has logged in. */
  client: ClientState;
}

export type CommandHandler = (request: CommandRequest) => Document | Promise<Document>;

export interface CommandDefinition {
  handler: CommandHandler;
  /** May run inside a multi-document transaction. */
  inTransaction?: boolean;
  /** A write whose retry (same lsid + txnNumber) must be answered from the first reply. */
  retryableWrite?: boolean;
  /** Answered before the client has authenticated (only the handshake and the login itself). */
  withoutAuthentication?: boolean;
}

export type CommandTable = Record<string, CommandDefinition>;
