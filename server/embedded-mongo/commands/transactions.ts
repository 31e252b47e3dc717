import { type Document } from 'bson';

import { ErrorCode, MongoCommandError } from '../errors';
import { type CommandRequest, type CommandTable } from './command-types';

function requireTransaction(request: CommandRequest) {
  if (!request.transaction) {
    throw new MongoCommandError(
      ErrorCode.NoSuchTransaction,
      `${request.name} needs lsid, txnNumber and autocommit:false`,
      { labels: ['TransientTransactionError'] },
    );
  }
  return request.transaction;
}

function commitTransaction(request: CommandRequest): Document {
  const transaction = requireTransaction(request);
  // A retried commit of a transaction that already committed succeeds again.
  if (transaction.state === 'committed') return { ok: 1 };
  transaction.commit();
  return { ok: 1 };
}

function abortTransaction(request: CommandRequest): Document {
  const transaction = requireTransaction(request);
  if (transaction.state === 'committed') {
    throw new MongoCommandError(
      ErrorCode.TransactionCommitted,
      `Transaction ${transaction.txnNumber} has been committed.`,
    );
  }
  transaction.assertOpen();
  transaction.abort();
  return { ok: 1 };
}

export const transactionCommands: CommandTable = {
  commitTransaction: { handler: commitTransaction, inTransaction: true },
  abortTransaction: { handler: abortTransaction, inTransaction: true },
};
