import { type PlanTrigger } from '../domain/plan-trigger';
import { domainEvents } from '../domain-events';
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

/**
 * The network's one plan run, kept where every app process sees it (server/scale/shared-plan-runs.ts
 * keeps it in Redis). Without it, this process's registry is the network's.
 */
export interface SharedPlanRuns {
  /** Takes the network's run for `run`; false when another process holds it. */
  claim(run: RunningPlan): Promise<boolean>;
  /** The claimed run's progress, for pages served by other processes. */
  report(run: RunningPlan): void;
  /** Gives the claim up, leaving the outcome (or the failure) for processes that joined the run. */
  finish(planId: string, result: { outcome: PlanRunOutcome } | { failed: string }): Promise<void>;
  /** The run under way in any process. */
  current(): Promise<RunningPlan | null>;
  /** The outcome of another process's run, once it is over (rejects when that run failed or its process died). */
  outcomeOf(planId: string): Promise<PlanRunOutcome>;
}

interface PlanRunRegistry {
  running: (RunningPlan & { outcome: Promise<PlanRunOutcome> }) | null;
  /** Plan commits under way; their own capacity events must not set off an automatic re-plan. */
  commitsInProgress: number;
  shared: SharedPlanRuns | null;
}

/**
 * One registry per process, shared by planners' requests (through the load context) and the
 * automatic re-planner, so the two never solve at the same time; with `shared` set, the same
 * holds across every app process.
 */
const registry: PlanRunRegistry = { running: null, commitsInProgress: 0, shared: null };

/** With several app processes (REDIS_URL), the run is claimed across them; null goes back to this process alone. */
export function sharePlanRunsWith(shared: SharedPlanRuns | null): void {
  registry.shared = shared;
}

/** The run under way in this process, or (with several processes) in any of them. */
export async function currentPlanRun(): Promise<RunningPlan | null> {
  if (registry.running && registry.running.phase !== 'waiting') {
    const { outcome: _outcome, ...running } = registry.running;
    return running;
  }
  return registry.shared ? registry.shared.current() : null;
}

/** The outcome of the run under way anywhere, if any (never rejects: failures resolve to null). */
export async function waitForCurrentPlanRun(): Promise<PlanRunOutcome | null> {
  if (registry.running) return registry.running.outcome.catch(() => null);
  const elsewhere = await registry.shared?.current().catch(() => null);
  return elsewhere ? registry.shared!.outcomeOf(elsewhere.planId).catch(() => null) : null;
}

/**
 * Runs `start` unless a run is already under way, in which case the caller joins that one.
 * The check and the registration happen in the same tick, so two callers of this process can't
 * both start. With several processes the run is then claimed across them; when another process
 * holds it, this one waits for that run and answers with its outcome (whose planId then differs
 * from the one returned here).
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
  const { shared } = registry;
  const runHere = async () => {
    const report = (progress: Pick<RunningPlan, 'fraction' | 'phase' | 'message'>) => {
      Object.assign(entry, progress);
      shared?.report(entry);
    };
    try {
      const outcome = await start(report);
      await shared?.finish(entry.planId, { outcome });
      return outcome;
    } catch (error) {
      await shared?.finish(entry.planId, { failed: (error as Error).message });
      throw error;
    }
  };
  entry.outcome = (async () => {
    try {
      if (!shared) return await runHere();
      // Another process may hold the run; it can also end between the claim and the look at it.
      for (;;) {
        if (await shared.claim(entry)) return await runHere();
        const elsewhere = await shared.current();
        if (elsewhere) {
          entry.phase = 'waiting';
          return await shared.outcomeOf(elsewhere.planId);
        }
      }
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

// Events published during a commit say so, to this process's listeners and the other processes'.
domainEvents.markPlanCommitsWith(isCommitInProgress);
