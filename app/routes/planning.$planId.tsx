import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteError,
} from '@remix-run/react';

import { requireActor, requireRole } from '../auth.server';
import { Pagination } from '../components/pagination';
import { CommitPanel } from '../components/planning/commit-panel';
import { EarningsChart } from '../components/planning/earnings-chart';
import { PlanAssignmentsTable } from '../components/planning/plan-assignments-table';
import { DiffSummary, PlanChangesTable } from '../components/planning/plan-changes-table';
import { countOf, formatNairobiTime, unplacedReasonLabel } from '../components/planning/plan-format';
import { formatWeekRange, planOrigin, PlanStatusBadge } from '../components/planning/plan-list';
import { PlanSummaryKpis } from '../components/planning/plan-summary-kpis';
import { PlanUnplacedTable } from '../components/planning/plan-unplaced-table';
import { PlanViewTabs } from '../components/planning/plan-view-tabs';
import { useDataChangesSinceLoad } from '../components/planning/use-planning-live';
import { formatCount } from '../format';
import {
  commitPlan,
  DomainError,
  isProposalStale,
  PLAN_VIEWS,
  readPlanView,
  StalePlanError,
  type PlanViewName,
} from '../planning.server';

/** What the commit action answers; typed here because the action mixes `data()` with plain returns. */
interface CommitActionData {
  error: string | null;
  stale: boolean;
  committed: { jobs: number; units: number; workshops: number; ordersPlanned: number } | null;
}

export const meta: MetaFunction = () => [{ title: 'Plan · Planning · Kiwanda' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'planning');
  const url = new URL(request.url);
  const requested = url.searchParams.get('view');
  const view: PlanViewName = PLAN_VIEWS.includes(requested as PlanViewName)
    ? (requested as PlanViewName)
    : 'assignments';
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  const plan = await readPlanView({
    planId: params.planId ?? '',
    view,
    page: Number.isFinite(page) ? page : 1,
    query: (url.searchParams.get('q') ?? '').slice(0, 100),
  });
  if (!plan) throw new Response('No such plan', { status: 404, statusText: 'Not Found' });
  const stale = await isProposalStale({ status: plan.summary.status, dataVersion: plan.summary.dataVersion });
  return { plan, stale, canAct: user.role === 'planner' };
}

/** Commit: the whole proposal becomes job offers in one transaction, or nothing does. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, ['planner']);
  const form = await request.formData();
  if (form.get('intent') !== 'commit') {
    return data(
      { error: 'Unknown request: intent must be "commit".', stale: false, committed: null } satisfies CommitActionData,
      { status: 400 },
    );
  }
  try {
    const result = await commitPlan({ planId: params.planId ?? '', actor });
    return data({ error: null, stale: false, committed: result } satisfies CommitActionData);
  } catch (error) {
    if (error instanceof DomainError) {
      return data(
        { error: error.message, stale: error instanceof StalePlanError, committed: null } satisfies CommitActionData,
        { status: error.status },
      );
    }
    throw error;
  }
}

export default function PlanPage() {
  const { plan, stale, canAct } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CommitActionData | undefined;
  const navigation = useNavigation();
  const { summary, diff } = plan;
  const dataChanges = useDataChangesSinceLoad(summary.id);
  const committing = navigation.formData?.get('intent') === 'commit';
  const counts: Record<PlanViewName, number> = {
    assignments: plan.counts.workshops,
    unplaced: plan.counts.unplacedLines,
    changes: plan.counts.changes,
  };

  return (
    <article className="plan-page" data-testid="plan-page" data-plan-id={summary.id} data-status={summary.status}>
      <p>
        <Link to="/planning">← All plans</Link>
      </p>
      <header className="plan-page__header">
        <h2>
          {summary.trigger === 'auto' ? 'Suggested plan' : 'Plan'} computed {formatNairobiTime(summary.createdAt)}{' '}
          <PlanStatusBadge status={summary.status} />
        </h2>
        <p className="muted">
          {planOrigin(summary)} · weeks {formatWeekRange(summary)} · {formatCount(summary.demandUnits)} open units
          {summary.committedAt
            ? ` · committed ${formatNairobiTime(summary.committedAt)}${summary.committedBy ? ` by ${summary.committedBy}` : ''}`
            : ''}
          {summary.supersededBy ? (
            <>
              {' · '}superseded by <Link to={`/planning/${summary.supersededBy}`}>a later plan</Link>
            </>
          ) : null}
        </p>
      </header>

      <PlanSummaryKpis summary={summary} />

      {summary.status !== 'superseded' ? (
        <CommitPanel
          summary={summary}
          canAct={canAct}
          stale={stale || (actionData?.stale ?? false)}
          error={actionData?.error ?? null}
          ordersPlanned={actionData?.committed?.ordersPlanned ?? null}
          dataChanges={summary.status === 'proposal' && !committing ? dataChanges : 0}
        />
      ) : null}

      <section className="card" aria-labelledby="earnings-title">
        <h2 id="earnings-title">Earnings per capacity-hour by workshop (KES per free hour)</h2>
        <EarningsChart rates={plan.chart} />
      </section>

      <section className="card" aria-labelledby="tables-title">
        <h2 id="tables-title" className="visually-hidden">
          Proposal details
        </h2>
        {diff ? (
          <DiffSummary totals={diff.totals} baselineCommittedAt={diff.baselineCommittedAt} moves={plan.counts.moves} />
        ) : null}
        <PlanViewTabs view={plan.view} query={plan.query} counts={counts} showChanges={diff !== null} />
        {plan.view === 'assignments' ? <PlanAssignmentsTable rows={plan.assignments} weeks={plan.weeks} /> : null}
        {plan.view === 'unplaced' ? (
          <>
            {plan.unplacedByReason.length > 0 ? (
              <p className="muted">
                {plan.unplacedByReason
                  .map(
                    (entry) =>
                      `${unplacedReasonLabel(entry.reason)}: ${countOf(entry.units, 'unit')} on ${countOf(entry.lines, 'order line')}`,
                  )
                  .join(' · ')}
              </p>
            ) : null}
            <PlanUnplacedTable rows={plan.unplaced} />
          </>
        ) : null}
        {plan.view === 'changes' && diff ? (
          <PlanChangesTable rows={diff.changes} weeks={plan.weeks} moves={diff.moves} />
        ) : null}
        <Pagination page={plan.page} pageCount={plan.pageCount} total={plan.total} />
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="error-panel">
      <h2>{missing ? 'No such plan' : 'This plan cannot be shown'}</h2>
      <p>{missing ? 'It may have been mistyped, or removed.' : 'Something went wrong; it has been logged.'}</p>
      <p>
        <Link to="/planning">Back to planning</Link>
      </p>
    </section>
  );
}
