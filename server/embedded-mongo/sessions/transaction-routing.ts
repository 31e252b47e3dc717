import { type Document } from 'bson';

import { bsonTypeOf, numericValue } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { type Engine } from '../storage/engine';
import { type Session } from './session-registry';
import { Transaction } from './transaction';

function noSuchTransaction(txnNumber: bigint): MongoCommandError {
  return new MongoCommandError(
    ErrorCode.NoSuchTransaction,
    `Given transaction number ${txnNumber} does not match any in-progress transactions.`,
    { labels: ['TransientTransactionError'] },
  );
}

export function readTxnNumber(value: unknown): bigint | undefined {
  if (value === undefined) return undefined;
  if (bsonTypeOf(value) === 'Long') return (value as { toBigInt(): bigint }).toBigInt();
  const n = numericValue(value);
  if (n === undefined || !Number.isInteger(n) || n < 0) throw badValue('txnNumber must be a non-negative integer');
  return BigInt(n);
}

/**
 * Finds (or starts) the transaction a command belongs to, following the driver protocol:
 * startTransaction with a new txnNumber opens one; later commands repeat the txnNumber with autocommit:false.
 */
export function transactionForCommand({
  engine,
  session,
  command,
  commandName,
}: {
  engine: Engine;
  session: Session;
  command: Document;
  commandName: string;
}): Transaction {
  const txnNumber = readTxnNumber(command.txnNumber);
  if (txnNumber === undefined) throw badValue('a command with autocommit:false needs a txnNumber');
  if (command.autocommit !== false) throw badValue('autocommit can only be false');
  const current = session.transaction;
  if (command.startTransaction === true) {
    if (txnNumber < session.txnNumber || (txnNumber === session.txnNumber && current)) {
      throw new MongoCommandError(
        ErrorCode.TransactionTooOld,
        `txnNumber ${txnNumber} is less than or equal to the last txnNumber ${session.txnNumber} used in this session`,
      );
    }
    current?.abort();
    session.txnNumber = txnNumber;
    const transaction = new Transaction(engine, { lsid: session.lsid, txnNumber });
    session.transaction = transaction;
    return transaction;
  }
  if (!current || current.txnNumber !== txnNumber) throw noSuchTransaction(txnNumber);
  const finishing = commandName === 'commitTransaction' || commandName === 'abortTransaction';
  if (current.state !== 'open' && !finishing) throw noSuchTransaction(txnNumber);
  return current;
}

/** A retryable write or plain command with a newer txnNumber ends any older open transaction of the session. */
export function advanceTxnNumber(session: Session, txnNumber: bigint): void {
  if (txnNumber < session.txnNumber) {
    throw new MongoCommandError(
      ErrorCode.TransactionTooOld,
      `txnNumber ${txnNumber} is less than the last txnNumber ${session.txnNumber} used in this session`,
    );
  }
  if (txnNumber > session.txnNumber) {
    session.transaction?.abort();
    session.transaction = undefined;
    session.txnNumber = txnNumber;
  }
}
