import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';

import { FilterActions } from '../components/dashboard/filter-actions';
import { JobsBoardColumns } from '../components/dashboard/jobs-board-columns';
import { JOB_STATUS_LABELS } from '../components/dashboard/labels';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { requireDashboardReader } from '../dashboard.server';
import { formatCount } from '../format';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseQuery } from '../route-input.server';

export const meta: MetaFunction = () => [{ title: 'Jobs board · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireDashboardReader(args);
  const { dashboard, clock } = args.context;
  const query = parseQuery(args.request, dashboard.queries.JobsBoardQuery);
  const now = clock.now();
  const board = await answerDomainErrors(() => dashboard.readJobsBoard({ query, now }));
  return { board, weekChoices: dashboard.weeksAround({ now, before: 4, after: 4 }) };
}

export default function JobsBoardPage() {
  const { board, weekChoices: nearby } = useLoaderData<typeof loader>();
  const weekChoices =
    board.week === 'all' || nearby.some((week) => week.label === board.week)
      ? nearby
      : [{ label: board.week, current: false }, ...nearby];
  useLiveRevalidation(['job:status', 'plan:committed', 'inspection:recorded', 'payment:paid', 'order:cancelled']);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Jobs board</h1>
          <p>
            {board.week === 'all'
              ? 'Every job not yet paid or closed, whatever its week'
              : `Jobs planned in ${board.week}`}
            {board.workshop ? ` · ${board.workshop.code} ${board.workshop.name}` : ' · all workshops'}
          </p>
        </div>
      </header>

      <Form method="get" className="filters card" aria-label="Choose week and workshop">
        <label>
          Week
          <select name="week" defaultValue={board.week}>
            {weekChoices.map((week) => (
              <option key={week.label} value={week.label}>
                {week.label}
                {week.current ? ' (this week)' : ''}
              </option>
            ))}
            <option value="all">All weeks</option>
          </select>
        </label>
        <label>
          Workshop code
          <input name="workshop" defaultValue={board.workshop?.code ?? ''} placeholder="e.g. KIB-014" size={10} />
        </label>
        <FilterActions submitLabel="Show" resetTo="/jobs" resetLabel="This week, all workshops" />
      </Form>

      <JobsBoardColumns board={board} />

      {board.finished.length > 0 ? (
        <p className="muted" data-testid="finished-jobs">
          Also this week:{' '}
          {board.finished
            .map((entry) => `${formatCount(entry.count)} ${JOB_STATUS_LABELS[entry.status].toLowerCase()}`)
            .join(' · ')}
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/jobs" backLabel="Back to this week's jobs" />;
}
