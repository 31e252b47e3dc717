/** What the planning pages need from the server, through one server-only module. */
export { ProblemValidationError } from '../optimizer';
export { DomainError } from '../server/domain/errors';
export {
  commitPlan,
  currentPlanRun,
  isProposalStale,
  listPlans,
  PLAN_VIEWS,
  readPlanView,
  StalePlanError,
  startPlanRun,
  type PlanList,
  type PlanSummary,
  type PlanView,
  type PlanViewName,
  type RunningPlan,
} from '../server/planning';
