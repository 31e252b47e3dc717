import { cachedReadModel } from '../dashboard/read-model-cache';
import { ENDED_WITHOUT_WORK_STATUSES } from '../domain/job-status';
import { diffProposal, type ProposalDiff } from './diff-proposal';
import { readPlanContents } from './plan-contents';
import { buildChangeRows, buildMoveRows, type ChangeRow, type MoveRow } from './plan-view-rows';

/** Lines moving between workshops listed under the changes table (the count says how many in all). */
const MOVES_SHOWN = 50;

export interface PlanChanges {
  baselineCommittedAt: string | null;
  totals: ProposalDiff['totals'];
  /** Every workshop the proposal changes, those changing most first; a request searches and pages them. */
  changeRows: ChangeRow[];
  moves: MoveRow[];
  moveCount: number;
}

/**
 * What committing a proposal would change against the committed plan and the live jobs (see
 * diffProposal), kept per proposal. Only a commit, a new job, or a job ending without work
 * (declined, cancelled) moves those figures: a job moving along its way (accepted, started,
 * ready for QC…) keeps holding the same units in the same workshop-week, so it drops nothing.
 */
export const readPlanChanges = cachedReadModel<{ planId: string }, PlanChanges | null>({
  name: 'plan-changes',
  invalidatedBy: {
    'plan:proposed': 'all',
    'plan:committed': 'all',
    'order:cancelled': 'all',
    'job:status': ({ from, to }) => (from === null || ENDED_WITHOUT_WORK_STATUSES.includes(to) ? 'all' : []),
  },
  maxAgeMs: 60_000,
  keyOf: ({ planId }) => planId,
  maxKept: 8,
  compute: async ({ planId }) => {
    const contents = await readPlanContents({ planId });
    if (contents?.summary.status !== 'proposal') return null;
    const { weeks, names } = contents;
    const diff = await diffProposal({ assignments: contents.assignments, weeks });
    return {
      baselineCommittedAt: diff.baseline?.committedAt ?? null,
      totals: diff.totals,
      changeRows: buildChangeRows({ diff, weeks, names }),
      moves: buildMoveRows({ moves: diff.moves.slice(0, MOVES_SHOWN), names }),
      moveCount: diff.moves.length,
    };
  },
});
