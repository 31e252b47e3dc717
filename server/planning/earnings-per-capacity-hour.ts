import { type Types } from 'mongoose';

export interface WorkshopEarningsRate {
  workshopId: string;
  code: string;
  /** The workshop's first skill: piece rates differ by skill, so rates compare within one. */
  skill: string;
  earningsCents: number;
  capacityHours: number;
  /** What the plan pays the workshop per hour it had free: the fairness measure. */
  centsPerHour: number;
}

/**
 * Earnings per capacity-hour of every workshop that could have taken some of the plan's work
 * (it has free minutes and one of the skills asked for), highest first. Capacity no job could
 * use says nothing about fairness, so those workshops are left out.
 */
export function earningsPerCapacityHour({
  assignments,
  workshops,
}: {
  assignments: readonly { workshop: Types.ObjectId; quantity: number; pieceRateCents: number }[];
  workshops: readonly {
    workshop: Types.ObjectId;
    code: string;
    skills: readonly string[];
    freeMinutes: readonly number[];
    eligible: boolean;
  }[];
}): WorkshopEarningsRate[] {
  const earnings = new Map<string, number>();
  for (const assignment of assignments) {
    const key = String(assignment.workshop);
    earnings.set(key, (earnings.get(key) ?? 0) + assignment.quantity * assignment.pieceRateCents);
  }
  return workshops
    .flatMap((workshop) => {
      const minutes = workshop.freeMinutes.reduce((sum, value) => sum + value, 0);
      if (!workshop.eligible || minutes <= 0) return [];
      const workshopId = String(workshop.workshop);
      const earningsCents = earnings.get(workshopId) ?? 0;
      const capacityHours = minutes / 60;
      return [
        {
          workshopId,
          code: workshop.code,
          skill: workshop.skills[0] ?? '',
          earningsCents,
          capacityHours,
          centsPerHour: Math.round(earningsCents / capacityHours),
        },
      ];
    })
    .sort((left, right) => right.centsPerHour - left.centsPerHour || left.code.localeCompare(right.code));
}

/**
 * A plan's Gini of earnings per capacity-hour only means something over enough workshops and
 * units: on a 4-unit plan nearly every workshop earns nothing and the figure is noise.
 */
export const GINI_MIN_WORKSHOPS = 10;
export const GINI_MIN_UNITS = 200;
