import { z } from 'zod';

import { addCommittedMinutes, type CapacityCell } from '../domain/capacity-arithmetic';
import { objectIdString, weekLabelString } from '../domain/input-schemas';
import { validateInput } from '../domain/validate-input';
import { capacityCellsOfWeeks } from './capacity-cells-of-weeks';
import { readAbsentDays } from './read-absent-days';
import { readCapacityRoster, readCapacityWorkshops, type CapacityRoster } from './read-capacity-roster';
import { readCommittedMinutes, type CommittedMinutesRow } from './read-committed-minutes';
import { readGazettedHolidays } from './read-gazetted-holidays';
import { describeWorkingWeeks, toCapacityWeeks, type WorkingWeek } from './working-weeks';

const ReadCapacityInput = z.object({
  now: z.date({ error: 'must be the instant capacity is read as of' }),
  weeks: z.array(weekLabelString).min(1, 'at least one week').max(52),
  workshopIds: z.array(objectIdString).optional(),
  fresh: z.boolean().default(false),
});

export type ReadCapacityInput = z.input<typeof ReadCapacityInput>;

export interface Capacity {
  now: Date;
  /** The weeks asked for, in that order, as of `now`. */
  weeks: WorkingWeek[];
  /**
   * Workshop × skill × week: the minutes the active artisans of active workshops can still give
   * as of `now` (declared hours spread over the working time left, holidays and days away
   * removed), the minutes committed there, and what is free. A workshop with work committed but
   * no capacity has cells too.
   */
  cells: CapacityCell[];
  /** Committed minutes by week, workshop and skill, with the artisans named on those jobs. */
  committed: CommittedMinutesRow[];
  /** The workshops asked for (every one by default) and their capacity-giving artisans. */
  roster: CapacityRoster;
}

/**
 * Capacity as of `now`: the one place where working time, holidays, absences and committed and
 * free minutes come together. Dashboards read it through the kept (event-invalidated) figures;
 * planning passes `fresh` to read the database itself.
 *
 * NOTE: a week's committed minutes are charged in full against the time it has left, even for
 * jobs already done: a job does not record how much of its time is spent, and charging it in
 * full can only under-promise what is left of the current week, never over-promise it.
 */
export async function readCapacity(input: ReadCapacityInput): Promise<Capacity> {
  const { now, weeks, workshopIds, fresh } = validateInput(ReadCapacityInput, input);
  // Committed minutes need only the workshops' ids, which come quickly: they are read while
  // the artisans (the slow part of the roster) still are.
  const committedIn = workshopIds
    ? Promise.resolve(workshopIds)
    : readCapacityWorkshops({ fresh }).then((workshops) => workshops.map((workshop) => workshop.id));
  const [roster, gazetted, absentDays, committed] = await Promise.all([
    readCapacityRoster({ fresh }),
    readGazettedHolidays({ fresh }),
    readAbsentDays({ weeks, fresh }),
    committedIn.then((ids) => readCommittedMinutes({ weeks, workshopIds: ids, fresh })),
  ]);
  const shown = workshopIds ? new Set(workshopIds) : null;
  const scoped: CapacityRoster = shown
    ? {
        artisans: roster.artisans.filter((artisan) => shown.has(artisan.workshopId)),
        workshops: roster.workshops.filter((workshop) => shown.has(workshop.id)),
      }
    : roster;
  const workingWeeks = describeWorkingWeeks({ now, weeks, gazetted });
  const capacity = capacityCellsOfWeeks({
    artisans: scoped.artisans,
    weeks: toCapacityWeeks({ weeks: workingWeeks, now, absentDays }),
  });
  return {
    now,
    weeks: workingWeeks,
    cells: addCommittedMinutes({ cells: capacity, weeks, committed }),
    committed,
    roster: scoped,
  };
}
