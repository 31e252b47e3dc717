import { Types } from 'mongoose';
import { z } from 'zod';

import { planJobs, replanIncrementally } from '../../optimizer';
import { type Actor } from '../domain/actor';
import { ForbiddenError } from '../domain/errors';
import { PLAN_TRIGGERS } from '../domain/plan-trigger';
import { validateInput } from '../domain/validate-input';
import { domainEvents } from '../domain-events';
import { type Logger } from '../logger';
import { readDataVersion } from '../services/read-data-version';
import { buildPlanningProblem } from './build-planning-problem';
import { movesOfChanges, readIncrementalBase } from './incremental-base';
import { joinOrStartPlanRun } from './plan-run-registry';
import { type PlanRunOutcome } from './plan-run-types';
import { DEFAULT_HORIZON_WEEKS, MAX_HORIZON_WEEKS, planningHorizon } from './planning-horizon';
import { savePlanProposal } from './save-plan-proposal';
import { throttleProgress } from './throttle-progress';

const StartPlanRunInput = z.object({
  trigger: z.enum(PLAN_TRIGGERS),
  reason: z.string().trim().max(300).optional(),
  weeks: z.number().int().min(1).max(MAX_HORIZON_WEEKS).default(DEFAULT_HORIZON_WEEKS),
  timeLimitMs: z.number().int().min(100).max(600_000).optional(),
  now: z.date().optional(),
  /**
   * Keep to the newest open proposal: its assignments stay unless moving them places more, and the
   * new proposal records only what moves (the suggested re-plan after new orders runs so).
   */
  incremental: z.boolean().default(false),
});

export type StartPlanRunInput = z.input<typeof StartPlanRunInput>;

const PLANNING_ROLES = ['planner', 'system'];
/**
 * The optimizer's time limit unless a caller asks otherwise: a planner waits for the result, and
 * reading plus saving take about a second of the three the page may take. A run cut short still
 * returns a valid plan (status 'timedout').
 */
export const DEFAULT_PLAN_TIME_LIMIT_MS = 2_000;
/** Progress reaches dashboards at most this often. */
const PROGRESS_INTERVAL_MS = 100;
/** Share of the bar given to reading before, and saving after, the optimizer's own 0–1. */
const READ_SHARE = 0.1;
const SAVE_SHARE = 0.05;

/**
 * Plans the network's open demand and stores the result as a proposal; nothing is committed.
 * Progress goes out as `plan:progress`, the result as `plan:proposed`. Only one run happens at
 * a time: asking while one is under way joins it and gets its outcome.
 */
export function startPlanRun({ actor, logger, ...input }: StartPlanRunInput & { actor: Actor; logger?: Logger }): {
  planId: string;
  joined: boolean;
  outcome: Promise<PlanRunOutcome>;
} {
  const parsed = validateInput(StartPlanRunInput, input);
  if (!PLANNING_ROLES.includes(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot run the planner`);
  // The clock is read here, once: capacity, and so the whole plan, is as of this instant.
  const request = { ...parsed, now: parsed.now ?? new Date() };
  const planId = new Types.ObjectId();
  const reason =
    request.reason ?? (request.trigger === 'planner' ? `run by ${actor.label}` : 'open demand or capacity changed');
  return joinOrStartPlanRun(
    { planId: String(planId), trigger: request.trigger, startedAt: new Date(), startedBy: actor.label },
    (remember) => runPlan({ planId, actor, reason, request, remember, logger }),
  );
}

async function runPlan({
  planId,
  actor,
  reason,
  request,
  remember,
  logger,
}: {
  planId: Types.ObjectId;
  actor: Actor;
  reason: string;
  request: z.output<typeof StartPlanRunInput> & { now: Date };
  remember: (progress: { fraction: number; phase: string; message: string }) => void;
  logger?: Logger;
}): Promise<PlanRunOutcome> {
  const { trigger } = request;
  const progress = throttleProgress<{ fraction: number; phase: string; message: string }>({
    intervalMs: PROGRESS_INTERVAL_MS,
    send: ({ fraction, phase, message }) =>
      domainEvents.publish('plan:progress', {
        planId: String(planId),
        trigger,
        phase,
        percent: Math.round(fraction * 100),
        message,
      }),
  });
  // The bar only moves forward: every report is at least as far as the one before.
  let reached = 0;
  const report = (update: { fraction: number; phase: string; message: string }) => {
    reached = Math.max(reached, update.fraction);
    remember({ ...update, fraction: reached });
    progress.report({ ...update, fraction: reached });
  };
  const started = performance.now();
  try {
    report({ fraction: 0, phase: 'reading', message: 'reading open orders and workshop capacity' });
    // The stamp is read before the data, so any change made while reading makes the proposal stale.
    const dataVersion = await readDataVersion();
    const horizon = planningHorizon({ now: request.now, weeks: request.weeks });
    const built = await buildPlanningProblem({
      horizon,
      timeLimitMs: request.timeLimitMs ?? DEFAULT_PLAN_TIME_LIMIT_MS,
    });
    const readMs = Math.round(performance.now() - started);

    const options = {
      // The optimizer's own "done" is not the run's: saving follows, and only then is it done.
      onProgress: (update: { phase: string; fraction: number; message: string }) => {
        if (update.phase === 'done') return;
        report({
          fraction: READ_SHARE + update.fraction * (1 - READ_SHARE - SAVE_SHARE),
          phase: update.phase,
          message: update.message,
        });
      },
    };
    const base = request.incremental ? await readIncrementalBase({ built }) : null;
    const replan = base
      ? await replanIncrementally({ problem: built.problem, committed: base.committed, options })
      : null;
    const result = replan ? replan.plan : await planJobs(built.problem, options);
    const solveMs = result.metrics.solveMs;

    report({ fraction: 1 - SAVE_SHARE, phase: 'saving', message: 'saving the proposal' });
    const saveStarted = performance.now();
    const { placedUnits, unplacedUnits } = await savePlanProposal({
      planId,
      built,
      result,
      dataVersion,
      trigger,
      reason,
      actor,
      timings: { readMs, solveMs },
      ...(base && replan
        ? { incremental: { basePlan: base.basePlanId, moves: movesOfChanges({ built, changes: replan.changes }) } }
        : {}),
    });
    const saveMs = Math.round(performance.now() - saveStarted);

    const message = `${placedUnits} of ${built.demandUnits} units placed`;
    remember({ fraction: 1, phase: 'done', message });
    progress.flush({ fraction: 1, phase: 'done', message });
    domainEvents.publish('plan:proposed', { planId: String(planId), trigger, placedUnits, unplacedUnits });
    const outcome: PlanRunOutcome = {
      planId: String(planId),
      trigger,
      optimizerStatus: result.status,
      demandUnits: built.demandUnits,
      placedUnits,
      unplacedUnits,
      timings: { readMs, solveMs, saveMs, totalMs: Math.round(performance.now() - started) },
    };
    logger?.info({ ...outcome }, 'plan proposed');
    return outcome;
  } catch (error) {
    progress.flush({ fraction: 1, phase: 'failed', message: 'planning failed; see the server log' });
    logger?.error({ err: error, planId: String(planId), trigger }, 'planning failed');
    throw error;
  }
}
