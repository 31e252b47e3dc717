import { cachedReadModel } from '../dashboard/read-model-cache';
import { type Holiday } from '../domain/holidays';
import { GazettedHoliday } from '../models/gazetted-holiday';

async function listGazettedHolidays(): Promise<Holiday[]> {
  const holidays = await GazettedHoliday.find({}, { date: 1, name: 1 }).sort({ date: 1 }).lean();
  return holidays.map((holiday) => ({ date: holiday.date, name: holiday.name }));
}

/** A handful of days a year, read by every capacity figure: kept until one is declared or withdrawn. */
const readKeptGazettedHolidays = cachedReadModel<void, Holiday[]>({
  name: 'gazetted-holidays',
  invalidatedBy: ['capacity:changed'],
  maxAgeMs: 5 * 60_000,
  keyOf: () => 'all',
  compute: listGazettedHolidays,
});

/**
 * The gazetted one-off holidays (Idd-ul-Fitr, …): the one source of such days for dashboards
 * and planning alike, so their capacity figures cannot disagree. `fresh` reads past the kept copy.
 */
export function readGazettedHolidays({ fresh = false }: { fresh?: boolean } = {}): Promise<Holiday[]> {
  return fresh ? listGazettedHolidays() : readKeptGazettedHolidays();
}
