import { type Actor } from '../domain/actor';
import { type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { listActiveHolds } from './read-held-minutes';
import { mayReleaseHold } from './release-capacity-hold';

/** A hold as the planner and the designer see it: what, by when, until when, and where it sits. */
export interface HoldSummary {
  id: string;
  reference: string;
  lines: { sku: string; name: string; quantity: number }[];
  shipBy: string;
  expiresAt: string;
  heldBy: string;
  /** Hours reserved, by skill and week. */
  hours: { skill: Skill; week: WeekLabel; hours: number }[];
  /** Whether the person looking may release it (see mayReleaseHold). */
  mayRelease: boolean;
}

/** The holds still reserving capacity as of `now`, as `actor` (when given) sees them. */
export async function summariseActiveHolds({ now, actor }: { now: Date; actor?: Actor }): Promise<HoldSummary[]> {
  const holds = await listActiveHolds({ now });
  return holds.map((hold) => {
    const minutes = new Map<string, { skill: Skill; week: WeekLabel; minutes: number }>();
    for (const reservation of hold.reservations) {
      const key = `${reservation.week}|${reservation.skill}`;
      const entry = minutes.get(key) ?? { skill: reservation.skill, week: reservation.week, minutes: 0 };
      entry.minutes += reservation.minutes;
      minutes.set(key, entry);
    }
    return {
      id: String(hold._id),
      reference: hold.reference,
      lines: hold.lines.map(({ sku, name, quantity }) => ({ sku, name, quantity })),
      shipBy: hold.shipBy,
      expiresAt: hold.expiresAt.toISOString(),
      heldBy: hold.heldBy.label,
      hours: [...minutes.values()]
        .sort((a, b) => a.week.localeCompare(b.week) || a.skill.localeCompare(b.skill))
        .map(({ skill, week, minutes: held }) => ({ skill, week, hours: Math.round(held / 6) / 10 })),
      mayRelease: actor ? mayReleaseHold({ actor, hold }) : false,
    };
  });
}
