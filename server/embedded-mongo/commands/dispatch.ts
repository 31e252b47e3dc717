import { type Document } from 'bson';

import { type ClientState } from '../auth/client-state';
import { ErrorCode, MongoCommandError, toCommandError } from '../errors';
import { type ServerContext } from '../server-context';
import { type Session } from '../sessions/session-registry';
import { type Transaction } from '../sessions/transaction';
import { advanceTxnNumber, readTxnNumber, transactionForCommand } from '../sessions/transaction-routing';
import { AutoCommitAccess, type DataAccess } from '../storage/data-access';
import { COMMANDS } from './command-table';
import { type CommandDefinition, type CommandRequest } from './command-types';
import { rejectUnknownCommandFields } from './known-fields';

/** The command's name: the first field of the command document. */
function commandNameOf(command: Document): string {
  // The first key, without listing them all.
  for (const name in command) return name;
  throw new MongoCommandError(ErrorCode.FailedToParse, 'empty command document');
}

/**
 * Runs one command and returns its reply document: synchronously when the command's handler is synchronous
 * (most are), so a request needs no promise and no extra turn of the event loop. Errors never escape: they
 * become `{ ok: 0, ... }` replies. Journal records for the command's writes are flushed before the reply is
 * returned.
 */
export function dispatchCommand(
  server: ServerContext,
  command: Document,
  client: ClientState,
): Document | Promise<Document> {
  let transaction: Transaction | undefined;
  try {
    const name = commandNameOf(command);
    const definition = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!definition) throw new MongoCommandError(ErrorCode.CommandNotFound, `no such command: '${name}'`);
    if (!client.authenticated && !definition.withoutAuthentication)
      throw new MongoCommandError(ErrorCode.Unauthorized, `Command ${name} requires authentication`);
    rejectUnknownCommandFields(name, command);
    const db = command.$db;
    if (typeof db !== 'string' || db === '')
      throw new MongoCommandError(ErrorCode.InvalidNamespace, 'command is missing its $db field');

    const session: Session | undefined = command.lsid !== undefined ? server.sessions.get(command.lsid) : undefined;
    let access: DataAccess = new AutoCommitAccess(server.engine);
    let retryKey: bigint | undefined;
    if (command.autocommit !== undefined || command.startTransaction !== undefined) {
      if (!session) throw new MongoCommandError(ErrorCode.InvalidOptions, 'transactions need a session (lsid)');
      transaction = transactionForCommand({ engine: server.engine, session, command, commandName: name });
      if (!definition.inTransaction) {
        throw new MongoCommandError(
          ErrorCode.OperationNotSupportedInTransaction,
          `Cannot run '${name}' in a multi-document transaction.`,
        );
      }
      access = transaction;
    } else if (session && command.txnNumber !== undefined) {
      retryKey = readTxnNumber(command.txnNumber)!;
      advanceTxnNumber(session, retryKey);
      const earlier = definition.retryableWrite ? session.retryReplies.get(retryKey) : undefined;
      if (earlier) return earlier;
    }

    const request: CommandRequest = { server, command, name, db, access, session, transaction, client };
    const reply = definition.handler(request);
    const done = { server, definition, session, transaction, retryKey };
    const journaled = wantsJournaled(command);
    if (reply instanceof Promise) {
      return reply.then(
        (settled) => {
          const finished = finishCommand(done, settled);
          return journaled ? afterJournalFlush(server, finished) : finished;
        },
        (error: unknown) => failCommand(server, transaction, error),
      );
    }
    const finished = finishCommand(done, reply);
    return journaled ? afterJournalFlush(server, finished) : finished;
  } catch (error) {
    return failCommand(server, transaction, error);
  }
}

/** `j: true`: the client wants its write on disk, not only in the kernel, before it is acknowledged. */
function wantsJournaled(command: Document): boolean {
  const concern = command.writeConcern as Document | undefined;
  return concern !== undefined && concern !== null && concern.j === true;
}

/**
 * Holds the reply until the journal is flushed to the device (group commit, see journal/group-sync.ts). A
 * failed flush is a write concern error, as in MongoDB: the write was applied, its durability is unknown.
 */
function afterJournalFlush(server: ServerContext, reply: Document): Document | Promise<Document> {
  const durable = server.engine.durable();
  if (!durable) return reply;
  return durable.then(
    () => reply,
    (error: unknown) => {
      server.logger.error({ err: error }, 'embedded mongo: journal flush failed');
      return {
        ...reply,
        writeConcernError: {
          code: ErrorCode.WriteConcernFailed,
          codeName: 'WriteConcernFailed',
          errmsg: `journal flush failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    },
  );
}

/** After a handler succeeded: a transaction with failed statements aborts; the journal is flushed. */
function finishCommand(
  {
    server,
    definition,
    session,
    transaction,
    retryKey,
  }: {
    server: ServerContext;
    definition: CommandDefinition;
    session?: Session;
    transaction?: Transaction;
    retryKey?: bigint;
  },
  reply: Document,
): Document {
  try {
    if (transaction && Array.isArray(reply.writeErrors) && reply.writeErrors.length > 0) transaction.abort();
    server.engine.flush();
    if (session && retryKey !== undefined && definition.retryableWrite)
      server.sessions.rememberReply(session, retryKey, reply);
    return reply;
  } catch (error) {
    return failCommand(server, transaction, error);
  }
}

/** Turns a failure into an error reply; a failed statement aborts the whole transaction, as in MongoDB. */
function failCommand(server: ServerContext, transaction: Transaction | undefined, error: unknown): Document {
  if (transaction && transaction.state === 'open') transaction.abort();
  server.engine.flush();
  const commandError = toCommandError(error);
  if (commandError.code === ErrorCode.InternalError)
    server.logger.error({ err: error }, 'embedded mongo: command failed unexpectedly');
  return commandError.toReply();
}
