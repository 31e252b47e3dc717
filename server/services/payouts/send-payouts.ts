import { type DarajaAnswer, type DarajaClient } from '../../integrations/mpesa/daraja-client';
import { PayoutAttempt, type PayoutAttemptDoc } from '../../models/payout-attempt';
import { runInTransaction } from '../run-in-transaction';
import { movePayoutAttempt, type AttemptMove } from './move-payout-attempt';

const BATCH = 50;

function moveOfAnswer(answer: DarajaAnswer, now: Date): AttemptMove | { lastError: string } {
  switch (answer.kind) {
    case 'accepted':
      return { to: 'submitted', from: ['pending'], at: now, set: { conversationId: answer.conversationId } };
    case 'duplicate':
      // The earlier sending of this very request reached M-Pesa: wait for its result.
      return {
        to: 'submitted',
        from: ['pending'],
        at: now,
        set: { lastError: `M-Pesa had it already: ${answer.message}` },
      };
    case 'refused':
      return {
        to: 'failed',
        from: ['pending'],
        at: now,
        set: { resultCode: answer.code, resultDesc: answer.message.slice(0, 500) },
      };
    case 'unanswered':
      return { lastError: answer.message.slice(0, 500) };
  }
}

/**
 * Sends every approved attempt not yet accepted by M-Pesa. An attempt is sent with the id it was
 * given at approval; if the answer is lost (or this process dies before writing it down), the
 * next round sends the same request again and M-Pesa refuses the duplicate, so nobody is paid
 * twice. `beforeEach` lets the worker check it still holds the lease.
 */
export async function sendPendingAttempts({
  client,
  now,
  beforeEach,
}: {
  client: DarajaClient;
  now: () => Date;
  beforeEach: () => Promise<boolean>;
}): Promise<number> {
  const pending = await PayoutAttempt.find({ status: 'pending' }).sort({ createdAt: 1 }).limit(BATCH).lean();
  let sent = 0;
  for (const attempt of pending) {
    if (!(await beforeEach())) break;
    const answer = await client.requestPayment({
      originatorConversationId: attempt.originatorConversationId,
      amountShillings: attempt.shillings,
      phone: attempt.phone,
      remarks: `Kiwanda payout ${attempt.number > 1 ? `(attempt ${attempt.number})` : ''}`.trim(),
    });
    await recordAnswer(attempt, answer, now());
    sent += 1;
  }
  return sent;
}

async function recordAnswer(attempt: PayoutAttemptDoc, answer: DarajaAnswer, at: Date): Promise<void> {
  const move = moveOfAnswer(answer, at);
  if ('lastError' in move) {
    await PayoutAttempt.updateOne({ _id: attempt._id, status: 'pending' }, { $set: { lastError: move.lastError } });
    return;
  }
  await runInTransaction((unit) => movePayoutAttempt({ unit, attemptId: attempt._id, move }));
}

/** Sent attempts whose result has not come within `resultWaitMs` are unknown: M-Pesa is asked. */
export async function markOverdueAttemptsUnknown({ now, resultWaitMs }: { now: Date; resultWaitMs: number }) {
  const overdue = await PayoutAttempt.find(
    { status: 'submitted', submittedAt: { $lt: new Date(now.getTime() - resultWaitMs) } },
    { _id: 1 },
  ).lean();
  for (const attempt of overdue) {
    await runInTransaction((unit) =>
      movePayoutAttempt({
        unit,
        attemptId: attempt._id,
        move: { to: 'unknown', from: ['submitted'], at: now, set: { lastError: 'no result from M-Pesa in time' } },
      }),
    );
  }
  return overdue.length;
}

/**
 * Asks M-Pesa's Transaction Status API about each unknown attempt (again after `resultWaitMs`
 * when no answer came). Its result arrives as a callback and settles the attempt; until then the
 * payout is never sent again.
 */
export async function queryUnknownAttempts({
  client,
  now,
  resultWaitMs,
  beforeEach,
}: {
  client: DarajaClient;
  now: Date;
  resultWaitMs: number;
  beforeEach: () => Promise<boolean>;
}): Promise<number> {
  const due = await PayoutAttempt.find({
    status: 'unknown',
    $or: [
      { lastStatusQueryAt: { $exists: false } },
      { lastStatusQueryAt: { $lt: new Date(now.getTime() - resultWaitMs) } },
    ],
  })
    .limit(BATCH)
    .lean();
  for (const attempt of due) {
    if (!(await beforeEach())) break;
    const answer = await client.queryTransactionStatus({ originatorConversationId: attempt.originatorConversationId });
    await PayoutAttempt.updateOne(
      { _id: attempt._id },
      {
        $set: {
          lastStatusQueryAt: now,
          ...(answer.kind === 'accepted'
            ? {}
            : { lastError: `status query: ${'message' in answer ? answer.message : ''}`.slice(0, 500) }),
        },
        $inc: { statusQueries: 1 },
      },
    );
  }
  return due.length;
}
