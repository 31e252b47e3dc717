import { type Types } from 'mongoose';

import { ImpactWorkDay } from '../../models/impact-work-day';
import { ImpactWorkMonth, type ImpactWorkMonthDoc, type WorkMonthFigures } from '../../models/impact-work-month';
import { monthStart } from '../impact-period';
import { nairobiMonthOf } from '../month-grain';
import { type WorkDayKey, type WorkDayRow } from './compute-work-days';

type WorkMonthRow = Omit<ImpactWorkMonthDoc, '_id' | 'months'> & { months: Record<string, WorkMonthFigures> };

const emptyMonth = (): WorkMonthFigures => ({ jobsPassed: 0, jobsOnTime: 0, unitsInspected: 0, unitsPassed: 0 });

function addDay(month: WorkMonthFigures, day: WorkMonthFigures): void {
  month.jobsPassed += day.jobsPassed;
  month.jobsOnTime += day.jobsOnTime;
  month.unitsInspected += day.unitsInspected;
  month.unitsPassed += day.unitsPassed;
}

/** Each maker's day rows summed into their months: the rebuild derives months from its days. */
export function workMonthsOfDays(days: readonly WorkDayRow[]): WorkMonthRow[] {
  const now = new Date();
  const makers = new Map<string, WorkMonthRow>();
  for (const day of days) {
    const key = `${String(day.workshop)}|${day.artisan ? String(day.artisan) : ''}`;
    const maker = makers.get(key) ?? {
      artisan: day.artisan ?? null,
      workshop: day.workshop,
      months: {},
      createdAt: now,
      updatedAt: now,
    };
    makers.set(key, maker);
    addDay((maker.months[nairobiMonthOf(day.day)] ??= emptyMonth()), day);
  }
  return [...makers.values()];
}

/** Sums again the maker's day rows of the month holding `key.day`, after one of them changed. */
export async function refreshWorkMonth(key: WorkDayKey): Promise<void> {
  const month = nairobiMonthOf(key.day);
  const [year, index] = month.split('-').map(Number);
  const maker = { workshop: key.workshop, artisan: key.artisan as Types.ObjectId | null };
  const days = await ImpactWorkDay.find(
    { ...maker, day: { $gte: monthStart(year, index), $lt: monthStart(year, index + 1) } },
    { _id: 0, jobsPassed: 1, jobsOnTime: 1, unitsInspected: 1, unitsPassed: 1 },
  ).lean();
  const figures = emptyMonth();
  for (const day of days) addDay(figures, day);
  await ImpactWorkMonth.updateOne(
    maker,
    days.length === 0 ? { $unset: { [`months.${month}`]: 1 } } : { $set: { [`months.${month}`]: figures } },
    { upsert: days.length > 0 },
  );
}
