import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { ValidationError } from '#server/domain/errors';

import { FilterActions } from '../components/dashboard/filter-actions';
import { UnshownFilterProblems, useFilterProblems } from '../components/dashboard/filter-problems';
import { JobsBoardColumns, useColumnHref } from '../components/dashboard/jobs-board-columns';
import { JOB_STATUS_LABELS } from '../components/dashboard/labels';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { Pagination } from '../components/pagination';
import { requireDashboardReader } from '../dashboard.server';
import { formatCount } from '../format';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseFilters } from '../route-input.server';

export const meta: MetaFunction = () => [{ title: 'Jobs board · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireDashboardReader(args);
  const { dashboard, clock } = args.context;
  const { query, problems } = parseFilters(args.request, dashboard.queries.JobsBoardQuery);
  const now = clock.now();
  const board = await answerDomainErrors(async () => {
    try {
      return await dashboard.readJobsBoard({ query, now });
    } catch (error) {
      // A workshop code that names no workshop is a filter mistake like any other: said beside the
      // field, with the board of all workshops meanwhile.
      if (!(error instanceof ValidationError) || error.field !== 'workshop') throw error;
      problems.workshop = error.issues[0].message;
      return dashboard.readJobsBoard({ query: { ...query, workshop: undefined }, now });
    }
  });
  return { board, problems, weekChoices: dashboard.weeksAround({ now, before: 4, after: 4 }) };
}

export default function JobsBoardPage() {
  const { board, problems, weekChoices: nearby } = useLoaderData<typeof loader>();
  const filters = useFilterProblems(problems);
  const boardHref = useColumnHref()(null);
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
          <input
            name="workshop"
            defaultValue={filters.valueOf('workshop', board.workshop?.code)}
            placeholder="e.g. KIB-014"
            size={10}
            maxLength={40}
            {...filters.invalid('workshop')}
          />
          {filters.beside('workshop', 'The workshop code')}
        </label>
        {board.opened ? <input type="hidden" name="column" value={board.opened.status} /> : null}
        <FilterActions submitLabel="Show" resetTo="/jobs" resetLabel="This week, all workshops" />
      </Form>
      <UnshownFilterProblems problems={problems} shown={['workshop']} />

      {board.opened ? (
        <p>
          Every {JOB_STATUS_LABELS[board.opened.status].toLowerCase()} job, earliest due first ·{' '}
          <Link to={boardHref}>back to the whole board</Link>
        </p>
      ) : null}
      <JobsBoardColumns board={board} />
      {board.opened ? (
        <Pagination page={board.opened.page} pageCount={board.opened.pageCount} total={board.columns[0].count} />
      ) : null}

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
