import { Types } from 'mongoose';

import { Payout } from '../models/payout';
import { PayoutAttempt } from '../models/payout-attempt';
import { PayoutRun } from '../models/payout-run';
import { type UssdPaySummary } from './ussd-view';

/**
 * The artisan's payout that is on its way: in a run a manager has yet to approve, or in a run
 * being paid whose latest attempt has not been paid yet. Null when none is (what is due then
 * waits for the next run a manager gathers).
 */
export async function readNextPayout({ artisanId }: { artisanId: string }): Promise<UssdPaySummary['nextPayout']> {
  const runs = await PayoutRun.find({ status: { $in: ['awaiting_approval', 'paying'] } }, { status: 1 }).lean();
  if (runs.length === 0) return null;
  const statusOfRun = new Map(runs.map((run) => [String(run._id), run.status]));
  const payouts = await Payout.find(
    { run: { $in: runs.map((run) => run._id) }, 'payee.artisan': new Types.ObjectId(artisanId) },
    { run: 1, amountCents: 1, attempts: 1 },
  ).lean();
  for (const payout of payouts) {
    if (statusOfRun.get(String(payout.run)) === 'awaiting_approval')
      return { amountCents: payout.amountCents, state: 'awaiting_approval' };
    const latest = await PayoutAttempt.findOne({ payout: payout._id }, { status: 1 }).sort({ number: -1 }).lean();
    if (latest?.status !== 'paid') return { amountCents: payout.amountCents, state: 'sending' };
  }
  return null;
}
