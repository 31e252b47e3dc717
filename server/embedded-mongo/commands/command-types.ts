import { type Document } from 'bson';

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
  connectionId: number;
}

export type CommandHandler = (request: CommandRequest) => Document | Promise<Document>;

export interface CommandDefinition {
  handler: CommandHandler;
  /** May run inside a multi-document transaction. */
  inTransaction?: boolean;
  /** A write whose retry (same lsid + txnNumber) must be answered from the first reply. */
  retryableWrite?: boolean;
}

export type CommandTable = Record<string, CommandDefinition>;
