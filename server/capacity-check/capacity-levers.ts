import { type ProblemInput } from '../../optimizer';
import { SKILL_LABELS, type Skill } from '../domain/skills';
import { type CheckMode, MOVABLE_DAYS } from './check-question';
import { type CheckNetwork } from './read-check-network';
import { type NewDemand, type MovedJob, serveNewDemand } from './serve-new-demand';

/** What the extra-hours lever asks of each artisan with the bottleneck skill. */
export const EXTRA_HOURS_PER_ARTISAN = 4;
/** How many workshops the adding-workshops lever adds. */
export const ADDED_WORKSHOPS = 2;

/** An open order that would finish after its ship-by date. */
export interface MovedOrder {
  reference: string;
  sku: string;
  shipBy: string;
  /** Hours of its work that would finish late. */
  lateHours: number;
}

export interface Lever {
  kind: 'extra-hours' | 'move-orders' | 'add-workshops';
  text: string;
  /** Units more by the date, over all products asked. */
  extraUnits: number;
  orders: MovedOrder[];
}

/**
 * What would let more be made by the date, each lever tried alone on the same network: more
 * hours from the bottleneck skill's artisans, lower-priority orders finishing up to a week later
 * (named), and more workshops with the skill.
 */
export function findLevers({
  network,
  demand,
  unitsNow,
  skill,
  lastWeek,
  mode,
}: {
  network: CheckNetwork;
  demand: NewDemand[];
  unitsNow: number;
  skill: Skill;
  lastWeek: number;
  mode: CheckMode;
}): Lever[] {
  const label = SKILL_LABELS[skill].toLowerCase();
  const movableDays = mode === 'move-lower-priority' ? MOVABLE_DAYS : 0;
  const gain = (problem: ProblemInput, days = movableDays) => {
    const served = serveNewDemand({ problem, demand, movableDays: days });
    return { served, extra: served.lines.reduce((sum, line) => sum + line.units, 0) - unitsNow };
  };
  const levers: Lever[] = [];

  const skilled = network.artisans.filter((artisan) => artisan.skills.includes(skill));
  if (skilled.length > 0) {
    const { extra } = gain(withExtraHours({ network, skill, lastWeek }));
    levers.push({
      kind: 'extra-hours',
      text: `${EXTRA_HOURS_PER_ARTISAN} more hours a week from each of the ${skilled.length} ${label} artisans`,
      extraUnits: Math.max(0, extra),
      orders: [],
    });
  }

  if (mode === 'keep-orders') {
    const { served, extra } = gain(network.problem, MOVABLE_DAYS);
    levers.push({
      kind: 'move-orders',
      text: `Letting normal-priority orders ship up to ${MOVABLE_DAYS} days later`,
      extraUnits: Math.max(0, extra),
      orders: extra > 0 ? namedOrders({ network, moved: served.moved }) : [],
    });
  }

  const typical = typicalWorkshopMinutes({ network, skill });
  if (typical.some((minutes) => minutes > 0)) {
    const added = Array.from({ length: ADDED_WORKSHOPS }, (_, n) => ({
      id: `\u0000added-${n}`,
      skills: [skill],
      artisans: 1,
      capacityMinutes: typical,
    }));
    const { extra } = gain({ ...network.problem, workshops: [...network.problem.workshops, ...added] });
    const hours = Math.round(Math.max(...typical) / 60);
    levers.push({
      kind: 'add-workshops',
      text: `${ADDED_WORKSHOPS} more ${label} workshops of typical size (about ${hours} h a week each)`,
      extraUnits: Math.max(0, extra),
      orders: [],
    });
  }
  return levers;
}

/** Names moved optimizer jobs by their orders, latest-finishing work first. */
export function namedOrders({ network, moved }: { network: CheckNetwork; moved: MovedJob[] }): MovedOrder[] {
  return moved
    .flatMap(({ jobId, lateMinutes }) => {
      const ref = network.jobs.get(jobId);
      const job = network.problem.jobs.find((candidate) => candidate.id === jobId);
      if (!ref || !job) return [];
      return [{ reference: ref.reference, sku: ref.sku, shipBy: job.dueDate, lateHours: Math.ceil(lateMinutes / 60) }];
    })
    .sort((a, b) => b.lateHours - a.lateHours || a.reference.localeCompare(b.reference));
}

/** The network with each artisan of `skill` working the extra hours, in weeks up to `lastWeek`. */
function withExtraHours({
  network,
  skill,
  lastWeek,
}: {
  network: CheckNetwork;
  skill: Skill;
  lastWeek: number;
}): ProblemInput {
  const declaredMinutes = new Map<string, number>();
  const skilledCount = new Map<string, number>();
  for (const artisan of network.artisans) {
    declaredMinutes.set(
      artisan.workshopCode,
      (declaredMinutes.get(artisan.workshopCode) ?? 0) + artisan.weeklyHours * 60,
    );
    if (artisan.skills.includes(skill))
      skilledCount.set(artisan.workshopCode, (skilledCount.get(artisan.workshopCode) ?? 0) + 1);
  }
  return {
    ...network.problem,
    workshops: network.problem.workshops.map((workshop) => {
      const count = skilledCount.get(workshop.id) ?? 0;
      const available = network.workshops.get(workshop.id)?.availableMinutes ?? [];
      const declared = declaredMinutes.get(workshop.id) ?? 0;
      if (count === 0 || declared === 0) return workshop;
      return {
        ...workshop,
        capacityMinutes: workshop.capacityMinutes.map((minutes, week) => {
          if (week > lastWeek) return minutes;
          // A week with less working time left (today's, a holiday week) gets that share of the extra.
          const share = Math.min(1, (available[week] ?? 0) / declared);
          return minutes + Math.round(EXTRA_HOURS_PER_ARTISAN * 60 * count * share);
        }),
      };
    }),
  };
}

/** Per week, the median working time of the workshops that have `skill`. */
function typicalWorkshopMinutes({ network, skill }: { network: CheckNetwork; skill: Skill }): number[] {
  const withSkill = [...network.workshops.values()].filter((workshop) => workshop.skills.includes(skill));
  return network.horizon.labels.map((_, week) => {
    const minutes = withSkill.map((workshop) => workshop.availableMinutes[week]).sort((a, b) => a - b);
    return minutes.length === 0 ? 0 : Math.round(minutes[Math.floor(minutes.length / 2)]);
  });
}
