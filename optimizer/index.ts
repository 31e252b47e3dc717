export { planJobs } from './plan-jobs';
export { validateProblem, ProblemValidationError, type ProblemIssue } from './validate-problem';
export type {
  AllocationPlan,
  AllocationStatus,
  Assignment,
  Job,
  PlanJobsOptions,
  PlanJobsProgress,
  PlanMetrics,
  PlanPhase,
  Problem,
  ProblemInput,
  Unplaced,
  UnplacedReason,
  Workshop,
} from './types';
export { findPlanViolations } from './verify-plan';
export {
  diffAssignments,
  replanIncrementally,
  type CommittedAssignment,
  type IncrementalReplan,
  type PlanCell,
  type PlanChange,
} from './replan-incrementally';
