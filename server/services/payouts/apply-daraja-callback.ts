import { type Types } from 'mongoose';

import { PAYOUT_RESULT_FROM } from '../../domain/payout-status';
import { DarajaResultBody, resultParameters } from '../../integrations/mpesa/daraja-callback';
import { PayoutAttempt } from '../../models/payout-attempt';
import { ProviderCallback, type ProviderCallbackDoc, type ProviderCallbackKind } from '../../models/provider-callback';
import { runInTransaction, type UnitOfWork } from '../run-in-transaction';
import { movePayoutAttempt, type AttemptMove } from './move-payout-attempt';

/** Transaction Status results that mean the payment was not made (anything else: ask again later). */
const NOT_PAID_STATUSES = /^(failed|declined|cancelled|canceled|expired|reversed)$/i;

/**
 * Keeps a callback exactly as it came, before it is answered: if the process dies before it is
 * applied, the payout worker applies it after the restart. The OriginatorConversationID is that
 * of the payment request; a status result names it in its URL (the query has an id of its own).
 */
export async function storeDarajaCallback({
  kind,
  body,
  attempt,
  now,
}: {
  kind: ProviderCallbackKind;
  body: unknown;
  attempt?: string;
  now: Date;
}): Promise<ProviderCallbackDoc> {
  const parsed = DarajaResultBody.safeParse(body);
  const originatorConversationId = kind.startsWith('status-')
    ? attempt?.slice(0, 100)
    : parsed.success
      ? parsed.data.Result.OriginatorConversationID
      : undefined;
  const [callback] = await ProviderCallback.create([
    {
      kind,
      originatorConversationId,
      body: JSON.stringify(body).slice(0, 20_000),
      outcome: 'received',
      receivedAt: now,
    },
  ]);
  return callback.toObject();
}

/** What a callback asks of its attempt, or why it asks nothing. */
function moveOf(callback: ProviderCallbackDoc, now: Date): AttemptMove | { ignore: string } {
  const parsed = DarajaResultBody.safeParse(JSON.parse(callback.body));
  if (callback.kind === 'status-timeout') return { ignore: 'the status query timed out; it is asked again' };
  if (callback.kind === 'b2c-timeout') return { to: 'unknown', from: ['pending', 'submitted'], at: now };
  if (!parsed.success) return { ignore: 'not a Daraja result body' };
  const { Result } = parsed.data;
  const parameters = resultParameters(parsed.data);
  if (callback.kind === 'b2c-result') {
    if (Result.ResultCode === '0') {
      const receipt = parameters.TransactionReceipt || Result.TransactionID;
      if (!receipt) return { ignore: 'a success without a receipt; the status query will tell' };
      return {
        to: 'paid',
        from: PAYOUT_RESULT_FROM,
        at: now,
        set: { receipt, resultCode: '0', resultDesc: Result.ResultDesc },
      };
    }
    return {
      to: 'failed',
      from: PAYOUT_RESULT_FROM,
      at: now,
      set: { resultCode: Result.ResultCode, resultDesc: Result.ResultDesc?.slice(0, 500) },
    };
  }
  // A status result: only a clear "completed" or a clear refusal settles an attempt.
  if (Result.ResultCode !== '0')
    return { ignore: `M-Pesa could not tell (code ${Result.ResultCode}); asked again later` };
  const status = parameters.TransactionStatus ?? '';
  if (/^completed$/i.test(status) && parameters.ReceiptNo) {
    return { to: 'paid', from: PAYOUT_RESULT_FROM, at: now, set: { receipt: parameters.ReceiptNo, resultCode: '0' } };
  }
  if (NOT_PAID_STATUSES.test(status)) {
    return {
      to: 'failed',
      from: PAYOUT_RESULT_FROM,
      at: now,
      set: { resultCode: 'status', resultDesc: `M-Pesa reports the payment ${status.toLowerCase()}` },
    };
  }
  return { ignore: `transaction status "${status}" is not final; asked again later` };
}

async function settle(unit: UnitOfWork, callbackId: Types.ObjectId, outcome: 'applied' | 'ignored', note?: string) {
  await ProviderCallback.updateOne({ _id: callbackId }, { $set: { outcome, note } }, { session: unit.session });
}

/**
 * Applies a stored callback once. The claim of the callback and the move of its attempt are one
 * transaction, and the move happens only from the states it may come from: a callback that
 * comes twice, or is applied by the route and the worker at once, changes the payout once.
 */
export async function applyDarajaCallback({ callbackId, now }: { callbackId: Types.ObjectId; now: Date }) {
  return runInTransaction(async (unit) => {
    const callback = await ProviderCallback.findOneAndUpdate(
      { _id: callbackId, outcome: 'received' },
      { $set: { outcome: 'applied' } },
      { session: unit.session, lean: true },
    );
    if (!callback) return 'already';
    const attempt = callback.originatorConversationId
      ? await PayoutAttempt.findOne(
          { originatorConversationId: callback.originatorConversationId },
          { _id: 1 },
          {
            session: unit.session,
            lean: true,
          },
        )
      : null;
    if (!attempt) {
      await settle(unit, callbackId, 'ignored', 'no payout of Kiwanda has this OriginatorConversationID');
      return 'ignored';
    }
    const move = moveOf(callback, now);
    if ('ignore' in move) {
      await settle(unit, callbackId, 'ignored', move.ignore);
      return 'ignored';
    }
    const moved = await movePayoutAttempt({ unit, attemptId: attempt._id, move });
    if (!moved) {
      await settle(unit, callbackId, 'ignored', 'the payout had moved on already (a repeated or late callback)');
      return 'ignored';
    }
    return 'applied';
  });
}

/** Applies callbacks stored but not applied (the process died between storing and applying). */
export async function applyReceivedCallbacks({ now }: { now: Date }): Promise<number> {
  const received = await ProviderCallback.find({ outcome: 'received' }, { _id: 1 })
    .sort({ receivedAt: 1 })
    .limit(100)
    .lean();
  for (const callback of received) await applyDarajaCallback({ callbackId: callback._id, now });
  return received.length;
}
