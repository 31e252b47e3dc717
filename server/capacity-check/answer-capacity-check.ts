import { type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { artisanEffect, type ArtisanEffect } from './artisan-effect';
import { findLevers, type Lever, namedOrders, type MovedOrder } from './capacity-levers';
import { lastWeekBy, parseDay, weekEndDate } from './check-calendar';
import { type CheckLine, type CheckMode, MOVABLE_DAYS } from './check-question';
import { type Bottleneck, describeBottleneck } from './describe-bottleneck';
import { planByWeek, type WeekSkillPlan } from './plan-by-week';
import { type CheckNetwork } from './read-check-network';
import { type NewDemand, serveNewDemand } from './serve-new-demand';
import { splitOverWorkshops, spreadOverSkilledWorkshops } from './split-over-workshops';

export interface AnswerLine {
  productId: string;
  sku: string;
  name: string;
  skill: Skill;
  asked: number;
  /** Units of what was asked that can be made by the date. */
  byDate: number;
}

/** Minutes an answer would take in one workshop in one week: what a hold reserves. */
export interface AnswerReservation {
  workshopCode: string;
  week: WeekLabel;
  skill: Skill;
  minutes: number;
}

export interface CapacityAnswer {
  by: string;
  mode: CheckMode;
  lines: AnswerLine[];
  allFit: boolean;
  /** The most of a single product that can be made by the date; for a launch, of what was asked. */
  mostByDate: number;
  /** The first date by which everything asked can be made, null when not within the horizon. */
  earliestDate: string | null;
  /** The last date the answer can see: dates after it are beyond the horizon. */
  horizonEnd: string;
  plan: WeekSkillPlan[];
  bottleneck: Bottleneck | null;
  levers: Lever[];
  /** Orders that would ship later in this answer (only when the designer lets them move). */
  movedOrders: MovedOrder[];
  effect: ArtisanEffect;
  reservations: AnswerReservation[];
}

/**
 * Answers "can we make these by that date?" on a network read as of now. Pure: every figure comes
 * from serveNewDemand on the same problem, so the answer, its levers and its hold agree.
 */
export function answerCapacityCheck({
  network,
  lines,
  by,
  mode,
}: {
  network: CheckNetwork;
  lines: readonly CheckLine[];
  by: string;
  mode: CheckMode;
}): CapacityAnswer {
  const movableDays = mode === 'move-lower-priority' ? MOVABLE_DAYS : 0;
  const startDay = parseDay(network.horizon.startDate) as number;
  const weeks = network.horizon.labels.length;
  const demandBy = (dueDate: string, quantity?: number): NewDemand[] =>
    lines.map((line) => ({
      skill: line.product.skill,
      quantity: quantity ?? line.quantity,
      minutesPerUnit: line.product.minutesPerUnit,
      pieceRateCents: line.product.pieceRateCents,
      dueDate,
      minLot: line.product.minLot,
    }));
  const fitsAll = (served: ReturnType<typeof serveNewDemand>) =>
    served.lines.every((line, i) => line.units >= lines[i].quantity);

  const served = serveNewDemand({ problem: network.problem, demand: demandBy(by), movableDays });
  const madeUnits = served.lines.map((line, i) => Math.min(line.units, lines[i].quantity));

  // For one product, "the most" is not capped by what was asked: ask for more than the network holds.
  let mostByDate = madeUnits.reduce((sum, units) => sum + units, 0);
  let target = demandBy(by);
  if (lines.length === 1) {
    const totalMinutes = network.problem.workshops.reduce(
      (sum, w) => sum + w.capacityMinutes.reduce((a, b) => a + b, 0),
      0,
    );
    target = demandBy(by, Math.max(lines[0].quantity, Math.ceil(totalMinutes / lines[0].product.minutesPerUnit) + 1));
    mostByDate = serveNewDemand({ problem: network.problem, demand: target, movableDays }).lines[0].units;
  }

  // Feasibility only changes where a horizon week ends, and more time never makes less possible.
  let earliestDate: string | null = null;
  let low = 0;
  let high = weeks - 1;
  const fitsByWeek = (week: number) =>
    fitsAll(
      serveNewDemand({ problem: network.problem, demand: demandBy(weekEndDate({ startDay, week })), movableDays }),
    );
  if (fitsByWeek(high)) {
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (fitsByWeek(middle)) high = middle;
      else low = middle + 1;
    }
    earliestDate = weekEndDate({ startDay, week: low });
  }

  const lastWeek = lastWeekBy({ startDay, weeks, date: by });
  const bottleneck = describeBottleneck({ network, served, lines, lastWeek });
  const unitsNow = lines.length === 1 ? mostByDate : madeUnits.reduce((sum, units) => sum + units, 0);
  const levers = bottleneck
    ? findLevers({ network, demand: target, unitsNow, skill: bottleneck.skill, lastWeek, mode })
    : [];
  const shares = splitOverWorkshops({ problem: network.problem, flows: served.flows });

  return {
    by,
    mode,
    lines: lines.map((line, i) => ({
      productId: line.product.productId,
      sku: line.product.sku,
      name: line.product.name,
      skill: line.product.skill,
      asked: line.quantity,
      byDate: madeUnits[i],
    })),
    allFit: fitsAll(served),
    mostByDate,
    earliestDate,
    horizonEnd: weekEndDate({ startDay, week: weeks - 1 }),
    plan: planByWeek({ lines, flows: served.flows, labels: network.horizon.labels }),
    bottleneck,
    levers,
    movedOrders: namedOrders({ network, moved: served.moved }),
    effect: artisanEffect({
      lines,
      madeUnits,
      shares: spreadOverSkilledWorkshops({ problem: network.problem, flows: served.flows }),
      artisans: network.artisans,
    }),
    reservations: shares.map((share) => ({
      workshopCode: share.workshopId,
      week: network.horizon.labels[share.week],
      skill: lines[share.line].product.skill,
      minutes: share.minutes,
    })),
  };
}
