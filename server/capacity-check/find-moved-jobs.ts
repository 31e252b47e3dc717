import { type AggregateSolution } from '../../optimizer/aggregate-flow';
import { type AggregateNetwork } from '../../optimizer/aggregate-network';
import { allowedWeeks, parseDay } from '../../optimizer/calendar';
import { type PlanningInstance } from '../../optimizer/planning-instance';
import { MOVABLE_PRIORITY } from './serve-open-orders';

const EPSILON = 1e-6;

export interface MovedJob {
  jobId: string;
  /** Minutes of it that now finish after its ship-by date. */
  lateMinutes: number;
}

/**
 * Normal orders that finish after their ship-by date in this answer. A class's jobs share one
 * window, so only its flow in weeks past the normal orders' original last week, beyond what its
 * other jobs (new demand, urgent orders) could take there, must be theirs.
 */
export function findMovedJobs({
  instance,
  network,
  solution,
  movableDays,
  isNew,
}: {
  instance: PlanningInstance;
  network: AggregateNetwork;
  solution: AggregateSolution;
  movableDays: number;
  /** Whether job `j` is the designer's new demand rather than an open order. */
  isNew: (j: number) => boolean;
}): MovedJob[] {
  const moved: MovedJob[] = [];
  const isMovable = (j: number) => !isNew(j) && instance.jobs[j].job.priority === MOVABLE_PRIORITY;
  for (const demandClass of network.classes) {
    const members = demandClass.jobs.filter(isMovable);
    if (members.length === 0) continue;
    const original = allowedWeeks({
      startDay: instance.startDay,
      weeks: instance.weeks,
      releaseDay: Number.NEGATIVE_INFINITY,
      dueDay: (parseDay(instance.jobs[members[0]].job.dueDate) as number) - movableDays,
    });
    const lastOnTime = original ? original.last : -1;
    let late = 0;
    for (const a of demandClass.arcs) if (network.arcs[a].week > lastOnTime) late += solution.arcFlow[a];
    const others = demandClass.jobs.filter((j) => !isMovable(j));
    late -= others.reduce((sum, j) => sum + solution.servedMinutes[j], 0);
    if (late <= EPSILON) continue;
    const total = members.reduce((sum, j) => sum + solution.servedMinutes[j], 0);
    for (const j of members) {
      const lateMinutes = total > 0 ? (late * solution.servedMinutes[j]) / total : 0;
      if (lateMinutes >= 1) moved.push({ jobId: instance.jobs[j].job.id, lateMinutes: Math.round(lateMinutes) });
    }
  }
  return moved;
}
