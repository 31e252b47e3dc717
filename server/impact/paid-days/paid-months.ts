import { type ClientSession, type Types } from 'mongoose';

import { type ImpactPaidDayDoc } from '../../models/impact-paid-day';
import { ImpactPaidMonth, type ImpactPaidMonthDoc, type PaidMonthFigures } from '../../models/impact-paid-month';
import { type PayoutContribution } from './paid-day-row';

type PaidDayRow = Omit<ImpactPaidDayDoc, '_id'>;
type PaidMonthRow = Omit<ImpactPaidMonthDoc, '_id' | 'months'> & { months: Record<string, PaidMonthFigures> };

/**
 * The month documents of a set of day rows: each payee's days summed into their months. The
 * rebuild derives months from the days it has just computed, so the two grains cannot disagree.
 */
export function paidMonthsOfDays(days: readonly PaidDayRow[]): PaidMonthRow[] {
  const now = new Date();
  const payees = new Map<string, PaidMonthRow>();
  for (const day of days) {
    const key = `${String(day.workshop)}|${day.artisan ? String(day.artisan) : ''}`;
    const payee = payees.get(key) ?? {
      artisan: day.artisan ?? null,
      workshop: day.workshop,
      months: {},
      createdAt: now,
      updatedAt: now,
    };
    payees.set(key, payee);
    const month = (payee.months[day.month] ??= {
      paidCents: 0,
      labourMinutes: 0,
      revenueCents: 0,
      payouts: 0,
      weeks: [],
      daysToMoney: [],
    });
    month.paidCents += day.paidCents;
    month.labourMinutes += day.labourMinutes;
    month.revenueCents += day.revenueCents;
    month.payouts += day.payouts;
    for (const week of day.weeks) if (!month.weeks.includes(week)) month.weeks.push(week);
    month.daysToMoney.push(...day.daysToMoney);
  }
  return [...payees.values()];
}

/** Adds one payout to its payee's month, the same way it is added to its day. */
export async function addContributionToPaidMonths({
  part,
  session,
}: {
  part: PayoutContribution;
  session: ClientSession;
}): Promise<void> {
  const path = `months.${part.month}`;
  await ImpactPaidMonth.updateOne(
    { workshop: part.key.workshop, artisan: part.key.artisan as Types.ObjectId | null },
    {
      $inc: {
        [`${path}.paidCents`]: part.paidCents,
        [`${path}.labourMinutes`]: part.labourMinutes,
        [`${path}.revenueCents`]: part.revenueCents,
        [`${path}.payouts`]: 1,
      },
      $addToSet: { [`${path}.weeks`]: part.week },
      ...(part.daysToMoney === undefined ? {} : { $push: { [`${path}.daysToMoney`]: part.daysToMoney } }),
    },
    { upsert: true, session },
  );
}
