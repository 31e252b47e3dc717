/** Planning: open demand and capacity → optimizer → proposal → commit into job offers. */
export { startAutoReplanner, DEFAULT_REPLAN_DEBOUNCE_MS, type AutoReplanner } from './auto-replanner';
export { buildPlanningProblem, PRIORITY_WEIGHT, type PlanningProblem } from './build-planning-problem';
export { commitPlan, type CommitPlanResult } from './commit-plan';
export { diffProposal, type ProposalDiff } from './diff-proposal';
export { isProposalStale } from './is-proposal-stale';
export { currentPlanRun, type RunningPlan } from './plan-run-registry';
export { type PlanRunOutcome } from './plan-run-types';
export { listPlans, type PlanList, type PlanSummary } from './plan-summary';
export { DEFAULT_HORIZON_WEEKS, planningHorizon, type PlanningHorizon } from './planning-horizon';
export { EmptyPlanError, PlanAlreadyCommittedError, PlanSupersededError, StalePlanError } from './planning-errors';
export { PLAN_VIEWS, readPlanView, type PlanView, type PlanViewName } from './read-plan-view';
export { startPlanRun, type StartPlanRunInput } from './start-plan-run';
