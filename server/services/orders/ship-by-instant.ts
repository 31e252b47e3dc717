import { nairobiDate, shiftInNairobi } from '../../domain/weeks';

/** A ship-by given as a bare day (YYYY-MM-DD) means the end of that working day in Nairobi. */
export function shipByInstantOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return shiftInNairobi({ from: nairobiDate({ year, month, day: date }), hours: 17 });
}
