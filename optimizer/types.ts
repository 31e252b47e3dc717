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
  /** Units a planner has fixed in a workshop and week; the plan keeps them (see `pinConflicts`). */
  pins: Pin[];
  /** Workshops the planner has ruled out for this job. */
  forbiddenWorkshops: string[];
}

/** A planner's decision: at least this many units of the job in this workshop and week. */
export interface Pin {
  workshopId: string;
  week: number;
  quantity: number;
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
    Omit<Job, 'releaseDate' | 'priority' | 'minLot' | 'maxSplit' | 'pins' | 'forbiddenWorkshops'> & {
      releaseDate?: string;
      priority?: number;
      minLot?: number;
      maxSplit?: number | null;
      pins?: Pin[];
      forbiddenWorkshops?: string[];
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
  /** Units of `quantity` a planner pinned here (absent when none). */
  pinned?: number;
}

export type PinConflictReason = 'skill' | 'week' | 'forbidden' | 'quantity' | 'capacity' | 'split';

/** A pin the plan could not keep, and why; the rest of the plan is made without it. */
export interface PinConflict {
  jobId: string;
  workshopId: string;
  week: number;
  quantity: number;
  reason: PinConflictReason;
  detail: string;
}

export type UnplacedReason = 'no-skill' | 'deadline' | 'capacity' | 'lot-or-split';

export interface Unplaced {
  jobId: string;
  quantity: number;
  reason: UnplacedReason;
  /** What would let the units be placed. */
  detail: string;
  /** A change to the job's own terms that would let (more of) it be placed, when one would. */
  suggestion?: UnplacedSuggestion;
}

/** The job terms explainUnplaced can name a fixing value for: a smaller lot, a later due date. */
export interface UnplacedSuggestion {
  minLot?: number;
  /** YYYY-MM-DD. */
  dueDate?: string;
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
  /** Pins that could not be kept (empty when every pin holds). */
  pinConflicts: PinConflict[];
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
