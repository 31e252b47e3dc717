import { pageOf } from '../domain/paging';
import { type WeekLabel } from '../domain/weeks';
import { type EarningsChart } from './earnings-chart';
import { type PinConflictRow } from './levers/pin-conflict-rows';
import { readPlanContents, type UnplacedReasonTotal } from './plan-contents';
import { type PlanSummary } from './plan-summary';
import { type AssignmentRow, type ChangeRow, type MoveRow, type UnplacedRow } from './plan-view-rows';
import { searchAssignmentRows, searchChangeRows, searchFilterOf, searchUnplacedRows } from './plan-view-search';
import { readPlanChanges } from './read-plan-changes';
import { readPlanUnplacedRows } from './read-plan-unplaced';
import { type ReplanMoveRow } from './replan-move-rows';

export const PLAN_VIEWS = ['assignments', 'unplaced', 'changes'] as const;
export type PlanViewName = (typeof PLAN_VIEWS)[number];
export const PLAN_VIEW_PAGE_SIZE = 25;

export interface PlanView {
  summary: PlanSummary;
  weeks: WeekLabel[];
  view: PlanViewName;
  query: string;
  page: number;
  pageCount: number;
  /** Rows of the chosen view, after the filter. */
  total: number;
  counts: { workshops: number; unplacedLines: number; changes: number; moves: number };
  unplacedByReason: UnplacedReasonTotal[];
  /** Earnings per capacity-hour by workshop (null for plans without a capacity snapshot). */
  chart: EarningsChart | null;
  assignments: AssignmentRow[];
  unplaced: UnplacedRow[];
  /** Pins the optimizer could not keep in this plan, with its explanation. */
  pinConflicts: PinConflictRow[];
  /** For an incremental re-plan: the proposal it kept to and only what moves against it. */
  replan: { basePlanId: string; moves: ReplanMoveRow[] } | null;
  diff: {
    baselineCommittedAt: string | null;
    totals: { addedUnits: number; removedUnits: number; workshopsGaining: number; workshopsLosing: number };
    changes: ChangeRow[];
    moves: MoveRow[];
  } | null;
}

/**
 * Everything the proposal page shows, one page of the chosen table at a time; null when there
 * is no such plan. Ids become codes, references and SKUs here, so the page shows names only.
 * The rows are built once per plan and kept (plan-contents.ts, read-plan-unplaced.ts,
 * read-plan-changes.ts, each dropped by the events that change it); a request only searches and
 * pages them.
 */
export async function readPlanView({
  planId,
  view = 'assignments',
  page = 1,
  query = '',
  pageSize = PLAN_VIEW_PAGE_SIZE,
}: {
  planId: string;
  view?: PlanViewName;
  page?: number;
  query?: string;
  pageSize?: number;
}): Promise<PlanView | null> {
  const contents = await readPlanContents({ planId });
  if (!contents) return null;
  const [unplaced, changes] = await Promise.all([
    readPlanUnplacedRows({ planId }),
    contents.summary.status === 'proposal' ? readPlanChanges({ planId }) : null,
  ]);

  const filter = searchFilterOf(query);
  const assignmentRows = searchAssignmentRows(contents.assignmentRows, filter);
  const unplacedRows = searchUnplacedRows(unplaced, filter);
  const changeRows = changes ? searchChangeRows(changes.changeRows, filter) : [];
  const pageOfView = <Row>(name: PlanViewName, rows: readonly Row[]) =>
    pageOf({ rows: view === name ? rows : [], page, pageSize });
  const pages = {
    assignments: pageOfView('assignments', assignmentRows),
    unplaced: pageOfView('unplaced', unplacedRows),
    changes: pageOfView('changes', changeRows),
  };
  const total = { assignments: assignmentRows.length, unplaced: unplacedRows.length, changes: changeRows.length }[view];

  return {
    summary: contents.summary,
    weeks: contents.weeks,
    view,
    query,
    page: pages[view].page,
    pageCount: pages[view].pageCount,
    total,
    counts: {
      workshops: assignmentRows.length,
      unplacedLines: unplacedRows.length,
      changes: changeRows.length,
      moves: changes?.moveCount ?? 0,
    },
    unplacedByReason: contents.unplacedByReason,
    chart: contents.chart,
    assignments: pages.assignments.rows,
    unplaced: pages.unplaced.rows,
    pinConflicts: contents.pinConflicts,
    replan: contents.replan,
    diff: changes
      ? {
          baselineCommittedAt: changes.baselineCommittedAt,
          totals: changes.totals,
          changes: pages.changes.rows,
          moves: changes.moves,
        }
      : null,
  };
}
