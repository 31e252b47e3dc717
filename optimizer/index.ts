export { planJobs } from './plan-jobs';
export { validateProblem, ProblemValidationError, type ProblemIssue } from './validate-problem';
export type {
  Assignment,
  Job,
  Plan,
  PlanJobsOptions,
  PlanMetrics,
  PlanPhase,
  PlanProgress,
  PlanStatus,
  Problem,
  ProblemInput,
  Unplaced,
  UnplacedReason,
  Workshop,
} from './types';
export { findPlanViolations } from './verify-plan';
