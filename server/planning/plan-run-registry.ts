import { type PlanTrigger } from '../domain/plan-trigger';
import { type PlanRunOutcome } from './plan-run-types';

/** The run under way, as the dashboard shows it to someone who opens the page mid-run. */
export interface RunningPlan {
  planId: string;
  trigger: PlanTrigger;
  startedAt: Date;
  startedBy: string;
  fraction: number;
  phase: string;
  message: string;
}

interface PlanRunRegistry {
  running: (RunningPlan & { outcome: Promise<PlanRunOutcome> }) | null;
  /** Plan commits under way; their own capacity events must not set off an automatic re-plan. */
  commitsInProgress: number;
}

/**
 * One registry per process, shared by planners' requests (through the load context) and the
 * automatic re-planner, so the two never solve at the same time.
 */
const registry: PlanRunRegistry = { running: null, commitsInProgress: 0 };

export function currentPlanRun(): RunningPlan | null {
  if (!registry.running) return null;
  const { outcome: _outcome, ...running } = registry.running;
  return running;
}

/** The outcome of the run under way, if any (never rejects: failures resolve to null). */
export function waitForCurrentPlanRun(): Promise<PlanRunOutcome | null> {
  return registry.running ? registry.running.outcome.catch(() => null) : Promise.resolve(null);
}

/**
 * Runs `start` unless a run is already under way, in which case the caller joins that one.
 * The check and the registration happen in the same tick, so two callers can't both start.
 */
export function joinOrStartPlanRun(
  describe: Omit<RunningPlan, 'fraction' | 'phase' | 'message'>,
  start: (report: (progress: Pick<RunningPlan, 'fraction' | 'phase' | 'message'>) => void) => Promise<PlanRunOutcome>,
): { outcome: Promise<PlanRunOutcome>; joined: boolean; planId: string } {
  if (registry.running) return { outcome: registry.running.outcome, joined: true, planId: registry.running.planId };
  const entry: RunningPlan & { outcome: Promise<PlanRunOutcome> } = {
    ...describe,
    fraction: 0,
    phase: 'starting',
    message: 'starting',
    outcome: Promise.resolve(null as unknown as PlanRunOutcome),
  };
  registry.running = entry;
  entry.outcome = (async () => {
    try {
      return await start((progress) => Object.assign(entry, progress));
    } finally {
      if (registry.running === entry) registry.running = null;
    }
  })();
  return { outcome: entry.outcome, joined: false, planId: entry.planId };
}

/** Marks a commit as under way until the returned promise settles. */
export async function trackCommit<Result>(work: () => Promise<Result>): Promise<Result> {
  registry.commitsInProgress += 1;
  try {
    return await work();
  } finally {
    registry.commitsInProgress -= 1;
  }
}

export function isCommitInProgress(): boolean {
  return registry.commitsInProgress > 0;
}
