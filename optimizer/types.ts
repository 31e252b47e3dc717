// The optimizer's public shapes. `ProblemInput` is what callers send (defaults may be left out);
// `Problem` is what validateProblem returns, with every default applied.

export type Priority = 1 | 2 | 3;

export interface Horizon {
  /** First day of week 0, a plain calendar date (YYYY-MM-DD). */
  start: string;
  weeks: number;
}

export interface Workshop {
  id: string;
  skills: string[];
  artisans: number;
  /** Free minutes per horizon week, net of committed work; one entry per week. */
  capacityMinutes: number[];
}

export interface Job {
  id: string;
  skill: string;
  quantity: number;
  minutesPerUnit: number;
  pieceRateCents: number;
  /** Plain calendar date; a week may be used only if it ends on or before this day. */
  dueDate: string;
  /** Plain calendar date; a week may be used only if it ends on or after this day. */
  releaseDate: string;
  priority: Priority;
  minLot: number;
  /** Most workshops the job may be split over; null means unlimited. */
  maxSplit: number | null;
}

export interface PlanOptionsInProblem {
  timeLimitMs: number;
  /** When false, earnings balancing is skipped: only fulfilment and splits count. */
  fairness: boolean;
}

export interface Problem {
  horizon: Horizon;
  workshops: Workshop[];
  jobs: Job[];
  options: PlanOptionsInProblem;
}

export interface ProblemInput {
  horizon: Horizon;
  workshops: Workshop[];
  jobs: Array<
    Omit<Job, 'releaseDate' | 'priority' | 'minLot' | 'maxSplit'> & {
      releaseDate?: string;
      priority?: number;
      minLot?: number;
      maxSplit?: number | null;
    }
  >;
  options?: Partial<PlanOptionsInProblem>;
}

export type AllocationStatus = 'optimal' | 'feasible' | 'infeasible' | 'timedout';

export interface Assignment {
  jobId: string;
  workshopId: string;
  week: number;
  quantity: number;
}

export type UnplacedReason = 'no-skill' | 'deadline' | 'capacity' | 'lot-or-split';

export interface Unplaced {
  jobId: string;
  quantity: number;
  reason: UnplacedReason;
  /** What would let the units be placed. */
  detail: string;
}

export interface EarningsBalance {
  /** Highest over lowest earnings per capacity-hour among eligible workshops; null when the lowest is zero. */
  maxOverMin: number | null;
  gini: number;
}

export interface PlanMetrics {
  unitsOnTime: number;
  unitsDemanded: number;
  fulfilment: number;
  solveMs: number;
  utilisation: Record<string, number[]>;
  earningsCents: Record<string, number>;
  earningsPerCapacityHour: EarningsBalance;
}

export interface AllocationPlan {
  status: AllocationStatus;
  assignments: Assignment[];
  unplaced: Unplaced[];
  metrics: PlanMetrics;
}

export type PlanPhase =
  'validating' | 'aggregating' | 'balancing' | 'assigning' | 'filling' | 'rebalancing' | 'explaining' | 'done';

export interface PlanJobsProgress {
  phase: PlanPhase;
  /** Share of the whole run done, 0 to 1, never decreasing. */
  fraction: number;
  elapsedMs: number;
  message: string;
}

export interface PlanJobsOptions {
  onProgress?: (progress: PlanJobsProgress) => void;
}
