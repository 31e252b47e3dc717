import mongoose, { type ClientSession } from 'mongoose';

import { DatabaseBusyError } from '../domain/errors';
import { type DomainEventName, type DomainEventPayload } from '../domain/events';
import { domainEvents } from '../domain-events';

/** What a piece of transactional work gets: the session to pass to every read and write, and a
 * way to announce what happened once (and only if) it is committed. */
export interface UnitOfWork {
  session: ClientSession;
  publishAfterCommit<Name extends DomainEventName>(name: Name, payload: DomainEventPayload<Name>): void;
}

/**
 * Runs `work` in a MongoDB transaction, retried by the driver on transient errors (write
 * conflicts, elections). Domain events queued by the work are published after the commit; a
 * retried or aborted attempt publishes nothing.
 */
export async function runInTransaction<Result>(work: (unit: UnitOfWork) => Promise<Result>): Promise<Result> {
  const session = await mongoose.startSession();
  try {
    let pending: (() => void)[] = [];
    const result = await session.withTransaction(async () => {
      pending = [];
      return work({
        session,
        publishAfterCommit: (name, payload) => {
          pending.push(() => domainEvents.publish(name, payload));
        },
      });
    });
    for (const publish of pending) publish();
    return result as Result;
  } catch (error) {
    throw busyOrAsIs(error);
  } finally {
    await session.endSession();
  }
}

/**
 * A transient transaction error that reaches here outlasted the driver's retries: the transaction
 * was never committed, and the client may try again. Anything else is passed on as it is.
 */
export function busyOrAsIs(error: unknown): unknown {
  const labelled = error as { hasErrorLabel?: (label: string) => boolean } | null;
  if (typeof labelled?.hasErrorLabel === 'function' && labelled.hasErrorLabel('TransientTransactionError')) {
    return new DatabaseBusyError('the database was too busy to finish this; nothing was saved, try again in a moment');
  }
  return error;
}
