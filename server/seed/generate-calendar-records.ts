import { type Holiday } from '../domain/holidays';
import { nairobiDateString, shiftInNairobi } from '../domain/weeks';
import { type AbsenceDoc } from '../models/absence';
import { type ArtisanDoc } from '../models/artisan';
import { type GazettedHolidayDoc } from '../models/gazetted-holiday';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

/**
 * Idd-ul-Fitr, gazetted each year once the moon is sighted: the days Kenya observed, and the
 * expected one for 2027. The demo network's capacity, history included, leaves them out.
 */
export const DEMO_GAZETTED_HOLIDAYS: readonly Holiday[] = [
  { date: '2024-04-10', name: 'Idd-ul-Fitr' },
  { date: '2025-03-31', name: 'Idd-ul-Fitr' },
  { date: '2026-03-20', name: 'Idd-ul-Fitr' },
  { date: '2027-03-10', name: 'Idd-ul-Fitr' },
];

const SEED_STAMP = { role: 'system', label: 'demo network seed' } as const;

export function generateGazettedHolidays({
  ids,
  referenceDate,
}: {
  ids: SeededObjectId;
  referenceDate: Date;
}): GazettedHolidayDoc[] {
  return DEMO_GAZETTED_HOLIDAYS.map((holiday, index) => ({
    _id: ids('gazetted-holiday', index, referenceDate),
    date: holiday.date,
    name: holiday.name,
    declaredBy: SEED_STAMP,
    createdAt: referenceDate,
    updatedAt: referenceDate,
  }));
}

/** About this share of active artisans have said they will be away some days soon. */
const ABSENT_SHARE = 0.03;
const REASONS = ['family event', 'clinic visit', 'funeral upcountry', 'school meeting', undefined];

/**
 * Days away declared by a few active artisans, one to three days starting on a weekday of the
 * weeks two and three ahead: after the committed plan (weeks 0 and 1), so no accepted job falls
 * on a day away, but within the open demand's three weeks, whose sizing counts them.
 */
export function generateAbsences({
  random,
  ids,
  referenceDate,
  artisans,
}: {
  random: Random;
  ids: SeededObjectId;
  /** Monday 00:00 in Nairobi of the current week. */
  referenceDate: Date;
  artisans: readonly ArtisanDoc[];
}): AbsenceDoc[] {
  const active = artisans.filter((artisan) => artisan.status === 'active');
  const count = Math.max(1, Math.round(active.length * ABSENT_SHARE));
  return random
    .shuffle(active)
    .slice(0, count)
    .map((artisan, index) => {
      const first = shiftInNairobi({ from: referenceDate, weeks: random.int(2, 3), days: random.int(0, 4) });
      const last = shiftInNairobi({ from: first, days: random.int(0, 2) });
      const declaredAt = shiftInNairobi({ from: referenceDate, days: -random.int(1, 6), hours: random.int(8, 18) });
      const reason = random.pick(REASONS);
      return {
        _id: ids('absence', index, declaredAt),
        artisan: artisan._id,
        workshop: artisan.workshop,
        from: nairobiDateString(first),
        to: nairobiDateString(last),
        ...(reason ? { reason } : {}),
        createdBy: { role: 'artisan', label: artisan.name },
        createdAt: declaredAt,
        updatedAt: declaredAt,
      };
    });
}
