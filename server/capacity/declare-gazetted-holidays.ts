import { z } from 'zod';

import { type Actor } from '../domain/actor';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { type Holiday } from '../domain/holidays';
import { extraHolidaysSchema } from '../domain/input-schemas';
import { validateInput } from '../domain/validate-input';
import { type WeekLabel } from '../domain/weeks';
import { GazettedHoliday } from '../models/gazetted-holiday';
import { Workshop } from '../models/workshop';
import { actorStamp, recordAuditEvents } from '../services/audit/record-audit-event';
import { runInTransaction, type UnitOfWork } from '../services/run-in-transaction';
import { calendarDayString, isCalendarDay, weeksOfDays } from './calendar-days';

const DECLARING_ROLES = ['admin', 'planner', 'system'];

const DeclareGazettedHolidaysInput = z.object({
  holidays: extraHolidaysSchema
    .refine((holidays) => holidays.length > 0, 'at least one holiday')
    .superRefine((holidays, context) =>
      holidays.forEach((holiday, index) => {
        if (!isCalendarDay(holiday.date))
          context.addIssue({ code: 'custom', path: [index, 'date'], message: 'is not a day of the calendar' });
      }),
    ),
});

const WithdrawGazettedHolidayInput = z.object({ date: calendarDayString });

function assertMayDeclare(actor: Actor): void {
  if (!DECLARING_ROLES.includes(actor.role))
    throw new ForbiddenError(`a ${actor.role.replace('_', ' ')} cannot declare public holidays`);
}

/** A holiday closes every workshop for the day: every active one hears that its capacity changed. */
async function announce({ unit, weeks }: { unit: UnitOfWork; weeks: WeekLabel[] }): Promise<void> {
  const workshops = await Workshop.find({ active: true }, { _id: 1 }, { session: unit.session, lean: true });
  unit.publishAfterCommit('capacity:changed', {
    workshopIds: workshops.map((workshop) => String(workshop._id)),
    weeks: [...new Set(weeks)].sort(),
  });
}

/**
 * Records one-off public holidays as the government gazettes them (a day already recorded takes
 * the new name). From then on capacity, on every page and in planning, leaves those days out.
 */
export async function declareGazettedHolidays({
  actor,
  ...input
}: z.input<typeof DeclareGazettedHolidaysInput> & { actor: Actor }): Promise<Holiday[]> {
  const { holidays } = validateInput(DeclareGazettedHolidaysInput, input);
  assertMayDeclare(actor);
  return runInTransaction(async (unit) => {
    const { session } = unit;
    for (const holiday of holidays) {
      await GazettedHoliday.updateOne(
        { date: holiday.date },
        { $set: { name: holiday.name }, $setOnInsert: { date: holiday.date, declaredBy: actorStamp(actor) } },
        { session, upsert: true },
      );
    }
    const stored = await GazettedHoliday.find({ date: { $in: holidays.map((holiday) => holiday.date) } }, null, {
      session,
      lean: true,
    });
    await recordAuditEvents({
      session,
      actor,
      entries: stored.map((holiday) => ({
        entity: { kind: 'gazetted_holiday', id: holiday._id },
        action: 'gazetted_holiday.declared',
        after: { date: holiday.date, name: holiday.name },
      })),
    });
    await announce({
      unit,
      weeks: holidays.flatMap((holiday) => weeksOfDays({ from: holiday.date, to: holiday.date })),
    });
    return stored
      .map((holiday) => ({ date: holiday.date, name: holiday.name }))
      .sort((a, b) => a.date.localeCompare(b.date));
  });
}

/** Takes a gazetted holiday back (a gazette revoked or entered by mistake): the day is worked again. */
export async function withdrawGazettedHoliday({
  actor,
  ...input
}: z.input<typeof WithdrawGazettedHolidayInput> & { actor: Actor }): Promise<void> {
  const { date } = validateInput(WithdrawGazettedHolidayInput, input);
  assertMayDeclare(actor);
  await runInTransaction(async (unit) => {
    const { session } = unit;
    const holiday = await GazettedHoliday.findOneAndDelete({ date }, { session, lean: true });
    if (!holiday) throw new NotFoundError('gazetted holiday on', date);
    await recordAuditEvents({
      session,
      actor,
      entries: [
        {
          entity: { kind: 'gazetted_holiday', id: holiday._id },
          action: 'gazetted_holiday.withdrawn',
          before: { date: holiday.date, name: holiday.name },
        },
      ],
    });
    await announce({ unit, weeks: weeksOfDays({ from: date, to: date }) });
  });
}
