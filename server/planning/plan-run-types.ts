import { type PlanStatus as OptimizerStatus } from '../../optimizer';

/** Who asked for a plan: a planner pressing the button, or the automatic re-planner. */
export const PLAN_TRIGGERS = ['planner', 'auto'] as const;
export type PlanTrigger = (typeof PLAN_TRIGGERS)[number];

/** What a finished run reports back to whoever started or joined it. */
export interface PlanRunOutcome {
  planId: string;
  trigger: PlanTrigger;
  optimizerStatus: OptimizerStatus;
  demandUnits: number;
  placedUnits: number;
  unplacedUnits: number;
  timings: { readMs: number; solveMs: number; saveMs: number; totalMs: number };
}
