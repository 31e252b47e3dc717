import { formatCount, formatPercent } from '../../format';

/** Display formats of the planning pages (times come from app/format.ts). */
export function formatDuration(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/**
 * What the optimizer's outcome means for the plan, in the planner's words; its internal status
 * ("timedout", "feasible") is never shown. E.g. "best plan found in 2.7 s; the fairness pass was
 * cut short".
 */
export function describeSolve(status: string | null, solveMs: number | null): string {
  const took = solveMs !== null ? ` in ${formatDuration(solveMs)}` : '';
  if (status === 'optimal') return `the best possible plan, found${took}`;
  if (status === 'feasible') return `a good plan, found${took}; a better one may exist`;
  if (status === 'timedout') return `best plan found${took}; the fairness pass was cut short`;
  if (status === 'infeasible') return `no unit could be placed on time${took ? ` (searched${took})` : ''}`;
  return solveMs !== null ? `found${took}` : 'not recorded';
}

/** Whole hours under 100, one decimal below 10: "7.5 h", "42 h". */
export function formatHours(minutes: number): string {
  const hours = minutes / 60;
  return `${hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours)} h`;
}

export const UNPLACED_REASON_LABELS: Record<string, string> = {
  'no-skill': 'No workshop has the skill',
  deadline: 'Due too soon for the horizon',
  capacity: 'Not enough free capacity',
  'lot-or-split': 'Lot size or split limit',
};

export function unplacedReasonLabel(reason: string): string {
  return UNPLACED_REASON_LABELS[reason] ?? reason;
}

export const PLAN_STATUS_LABELS: Record<string, string> = {
  proposal: 'Proposal',
  committed: 'Committed',
  superseded: 'Superseded',
};

export const PHASE_LABELS: Record<string, string> = {
  starting: 'Starting',
  reading: 'Reading orders and capacity',
  validating: 'Checking the problem',
  aggregating: 'Pooling workshops',
  balancing: 'Balancing earnings',
  assigning: 'Giving jobs to workshops',
  filling: 'Filling free capacity',
  rebalancing: 'Evening out earnings',
  explaining: 'Explaining unplaced units',
  saving: 'Saving the proposal',
  done: 'Done',
  failed: 'Failed',
};

/** Fulfilment rounded down, so a plan that leaves units out never reads "100%". */
export function formatFulfilment(fraction: number): string {
  return formatPercent(Math.floor(fraction * 1_000) / 1_000);
}

/** "1 job", "1,739 jobs". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
