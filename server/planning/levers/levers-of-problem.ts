import { type LeverIdleReason } from '../../domain/plan-levers';
import { type WeekLabel } from '../../domain/weeks';
import { type PlanLeverDoc } from '../../models/plan-lever';
import { type PlanningProblem } from '../build-planning-problem';

/** What deciding whether a lever applies needs: a stored lever's identity and target. */
export type StoredLever = Pick<PlanLeverDoc, '_id' | 'kind' | 'orderLine' | 'workshop' | 'week' | 'quantity'>;

/**
 * Whether a stored lever reaches a plan run, and if not why (see LEVER_IDLE_REASONS): its line must
 * still have open units, its workshop be one planning offers work to, and a pin's week lie in the
 * horizon. The proposal page and the plan run both decide with this, so they cannot disagree.
 */
export function leverIdleReason({
  lever,
  openLineIds,
  workshopIds,
  weeks,
}: {
  lever: StoredLever;
  openLineIds: ReadonlySet<string>;
  workshopIds: ReadonlySet<string>;
  weeks: readonly WeekLabel[];
}): LeverIdleReason | null {
  if (!openLineIds.has(String(lever.orderLine))) return 'line-planned';
  if (!workshopIds.has(String(lever.workshop))) return 'workshop-inactive';
  if (lever.kind === 'pin' && (!lever.week || !weeks.includes(lever.week))) return 'week-outside-horizon';
  return null;
}

/**
 * The planning problem with the planners' levers that apply written into its jobs: pins as the
 * optimizer's `pins` (week labels become horizon week indexes, workshops their codes) and
 * rule-outs as `forbiddenWorkshops`. Levers that do not apply are left out (never an error): the
 * optimizer is only ever given workshops and weeks of its own problem.
 */
export function withPlanLevers({
  built,
  levers,
}: {
  built: PlanningProblem;
  levers: readonly StoredLever[];
}): PlanningProblem {
  if (levers.length === 0) return built;
  const jobIdByLine = new Map([...built.jobs].map(([jobId, ref]) => [String(ref.orderLineId), jobId]));
  const codeByWorkshop = new Map([...built.workshops.values()].map((w) => [String(w.workshopId), w.code]));
  const weeks = built.horizon.labels;
  const context = { openLineIds: new Set(jobIdByLine.keys()), workshopIds: new Set(codeByWorkshop.keys()), weeks };
  const byJob = new Map<string, StoredLever[]>();
  for (const lever of levers) {
    if (leverIdleReason({ lever, ...context }) !== null) continue;
    const jobId = jobIdByLine.get(String(lever.orderLine))!;
    byJob.set(jobId, [...(byJob.get(jobId) ?? []), lever]);
  }
  const jobs = built.problem.jobs.map((job) => {
    const own = byJob.get(job.id);
    if (!own) return job;
    return {
      ...job,
      pins: own
        .filter((lever) => lever.kind === 'pin')
        .map((lever) => ({
          workshopId: codeByWorkshop.get(String(lever.workshop))!,
          week: weeks.indexOf(lever.week!),
          quantity: lever.quantity ?? 1,
        })),
      forbiddenWorkshops: own
        .filter((lever) => lever.kind === 'rule-out')
        .map((lever) => codeByWorkshop.get(String(lever.workshop))!),
    };
  });
  return { ...built, problem: { ...built.problem, jobs } };
}
