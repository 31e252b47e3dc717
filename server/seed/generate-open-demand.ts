import { addMinutes } from 'date-fns';

import { collectAbsentDays } from '../capacity/absent-days';
import { describeWorkingWeeks, toCapacityWeeks } from '../capacity/working-weeks';
import { computeCapacityCells } from '../domain/capacity-arithmetic';
import { CAPACITY_HOLDING_STATUSES } from '../domain/job-status';
import { SKILLS, type Skill } from '../domain/skills';
import { type AbsenceDoc } from '../models/absence';
import { type ArtisanDoc } from '../models/artisan';
import { type JobDoc } from '../models/job';
import { type OrderDoc } from '../models/order';
import { type ProductDoc } from '../models/product';
import { buildOrderLines, buildRetailOrder, buildWebOrder, type LineRequest } from './build-orders';
import { DEMO_GAZETTED_HOLIDAYS } from './generate-calendar-records';
import { productionWeek } from './production-calendar';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

/**
 * How much open demand (ship-by in the next three weeks) to create per skill, as a share of the
 * network's free capacity in the three production weeks before: some skills are tight or short,
 * so planning has real choices to make.
 */
export const OPEN_DEMAND_RATIO: Record<Skill, number> = {
  'brass-casting': 1.04,
  'brass-forming': 0.94,
  'recycled-brass-finishing': 0.72,
  'horn-carving': 0.98,
  'bone-carving': 0.62,
  'wood-turning': 0.55,
  'ceramic-beads': 0.88,
  'beading-wire-work': 0.8,
};

export function generateOpenDemand({
  random,
  ids,
  referenceDate,
  now,
  artisans,
  absences,
  jobs,
  productsOnSale,
  preOrderable,
  firstOrderIndex,
}: {
  random: Random;
  ids: SeededObjectId;
  /** Monday 00:00 in Nairobi of the current week. */
  referenceDate: Date;
  /** The network's now: free capacity is what is left of the working time from then on. */
  now: Date;
  artisans: readonly ArtisanDoc[];
  absences: readonly AbsenceDoc[];
  jobs: readonly JobDoc[];
  productsOnSale: (at: Date) => ProductDoc[];
  /** Designs of a checked collection that partners may pre-order for after its launch. */
  preOrderable: readonly ProductDoc[];
  firstOrderIndex: number;
}): { orders: OrderDoc[]; targetMinutes: Record<Skill, number> } {
  const weeks = [0, 1, 2].map((index) => productionWeek({ referenceDate, index }));
  // Free capacity as server/capacity computes it as of the network's now, days away included.
  const labels = weeks.map((week) => week.label);
  const cells = computeCapacityCells({
    artisans: artisans
      .filter((artisan) => artisan.status === 'active')
      .map((artisan) => ({
        artisanId: String(artisan._id),
        workshopId: String(artisan.workshop),
        skills: artisan.skills,
        weeklyHours: artisan.weeklyHours,
      })),
    weeks: toCapacityWeeks({
      weeks: describeWorkingWeeks({ now, weeks: labels, gazetted: DEMO_GAZETTED_HOLIDAYS }),
      now,
      absentDays: collectAbsentDays({ absences, weeks: labels }),
    }),
    committed: jobs
      .filter((job) => CAPACITY_HOLDING_STATUSES.includes(job.status))
      .map((job) => ({
        workshopId: String(job.workshop),
        skill: job.skill,
        week: job.plannedWeek,
        minutes: job.quantity * job.labourMinutesPerUnit,
      })),
  });
  const targetMinutes = Object.fromEntries(SKILLS.map((skill) => [skill, 0])) as Record<Skill, number>;
  for (const cell of cells) targetMinutes[cell.skill] += cell.freeMinutes * OPEN_DEMAND_RATIO[cell.skill];
  const remaining = new Map<Skill, number>(SKILLS.map((skill) => [skill, targetMinutes[skill]]));

  const orders: OrderDoc[] = [];
  let orderIndex = firstOrderIndex;
  const neediest = () =>
    [...remaining.entries()].sort(
      (left, right) => right[1] / (targetMinutes[right[0]] || 1) - left[1] / (targetMinutes[left[0]] || 1),
    )[0];

  for (let misses = 0; misses < 40 && neediest()[1] > 0;) {
    const shipWeek = random.weighted([
      [0, 15],
      [1, 35],
      [2, 50],
    ] as const);
    const shipBy = weeks[shipWeek].shipBy;
    const placedAt = addMinutes(now, -random.int(120, 10 * 24 * 60));
    const onSale = [...productsOnSale(placedAt), ...(shipWeek === 2 ? preOrderable : [])];
    const [skill] = neediest();
    const anchors = onSale.filter((product) => product.requiredSkill === skill);
    if (anchors.length === 0) {
      remaining.set(skill, 0);
      misses++;
      continue;
    }
    const anchor = random.pick(anchors);
    const companions = random.shuffle(
      onSale.filter((product) => product.collectionRef.equals(anchor.collectionRef) && product !== anchor),
    );
    const requests: LineRequest[] = [];
    for (const product of [anchor, ...companions.slice(0, random.int(0, 3))]) {
      const left = remaining.get(product.requiredSkill) ?? 0;
      if (left <= 0) continue;
      const room = Math.ceil(left / product.labourMinutesPerUnit / product.minimumLot) * product.minimumLot;
      const quantity = Math.max(product.minimumLot, Math.min(room, product.minimumLot * random.int(3, 20)));
      remaining.set(product.requiredSkill, left - quantity * product.labourMinutesPerUnit);
      requests.push({ product, quantity });
    }
    const draft = {
      id: ids('order', orderIndex, placedAt),
      index: orderIndex,
      placedAt,
      shipBy,
      status: 'open' as const,
    };
    const lines = buildOrderLines({ ids, orderIndex, placedAt, requests, wholesale: true });
    orders.push(buildRetailOrder({ random, draft, lines }));
    orderIndex++;
  }

  for (let count = random.int(40, 70); count > 0; count--) {
    const placedAt = addMinutes(now, -random.int(60, 7 * 24 * 60));
    const shipBy =
      weeks[
        random.weighted([
          [0, 30],
          [1, 40],
          [2, 30],
        ] as const)
      ].shipBy;
    const onSale = productsOnSale(placedAt);
    const product = random.pick(onSale);
    const draft = {
      id: ids('order', orderIndex, placedAt),
      index: orderIndex,
      placedAt,
      shipBy,
      status: 'open' as const,
    };
    const lines = buildOrderLines({
      ids,
      orderIndex,
      placedAt,
      requests: [{ product, quantity: random.int(1, 3) }],
      wholesale: false,
    });
    orders.push(buildWebOrder({ random, draft, lines }));
    orderIndex++;
  }
  return { orders, targetMinutes };
}
