import { nairobiDate, shiftInNairobi } from './weeks';

/**
 * A ship-by given as a bare date ("2026-11-07") means the end of that working day in Nairobi, so
 * an order due today can still be taken this morning. A full timestamp is kept as given.
 */
export function shipByInstant(shipBy: string): Date {
  if (shipBy.length > 10) return new Date(shipBy);
  const [year, month, day] = shipBy.split('-').map(Number);
  return shiftInNairobi({ from: nairobiDate({ year, month, day }), hours: 17 });
}
