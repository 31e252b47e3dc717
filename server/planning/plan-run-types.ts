import { type AllocationStatus } from '../../optimizer';
import { type PlanTrigger } from '../domain/plan-trigger';

/** What a finished run reports back to whoever started or joined it. */
export interface PlanRunOutcome {
  planId: string;
  trigger: PlanTrigger;
  optimizerStatus: AllocationStatus;
  demandUnits: number;
  placedUnits: number;
  unplacedUnits: number;
  timings: { readMs: number; solveMs: number; saveMs: number; totalMs: number };
}
