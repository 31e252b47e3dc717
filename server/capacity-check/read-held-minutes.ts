import { type WeekLabel } from '../domain/weeks';
import { CapacityHold, type CapacityHoldDoc } from '../models/capacity-hold';

/** Holds that still reserve capacity as of `now`: held, not launched or released, not expired. */
export function activeHoldsFilter(now: Date) {
  return { status: 'held' as const, expiresAt: { $gt: now } };
}

export async function listActiveHolds({ now }: { now: Date }): Promise<CapacityHoldDoc[]> {
  return CapacityHold.find(activeHoldsFilter(now)).sort({ shipBy: 1, _id: 1 }).lean();
}

/**
 * Minutes the active holds keep free, by workshop code and week: what planning takes off each
 * workshop's free capacity before the optimizer sees it.
 */
export async function readHeldMinutes({
  now,
  weeks,
}: {
  now: Date;
  weeks: readonly WeekLabel[];
}): Promise<Map<string, number[]>> {
  const holds = await CapacityHold.find(activeHoldsFilter(now), { reservations: 1, expiresAt: 1 }).lean();
  return heldMinutesOf({ holds, now, weeks });
}

/** The same, of holds already read: those expired by `now` are left out. */
export function heldMinutesOf({
  holds,
  now,
  weeks,
}: {
  holds: readonly Pick<CapacityHoldDoc, 'reservations' | 'expiresAt'>[];
  now: Date;
  weeks: readonly WeekLabel[];
}): Map<string, number[]> {
  const weekIndex = new Map(weeks.map((week, index) => [week, index]));
  const held = new Map<string, number[]>();
  for (const hold of holds) {
    if (hold.expiresAt <= now) continue;
    for (const reservation of hold.reservations) {
      const index = weekIndex.get(reservation.week);
      if (index === undefined) continue;
      const minutes = held.get(reservation.workshopCode) ?? new Array<number>(weeks.length).fill(0);
      minutes[index] += reservation.minutes;
      held.set(reservation.workshopCode, minutes);
    }
  }
  return held;
}
