import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { WORKSHOP_LOAD_EVENTS } from '#server/domain/events';
import { NAIROBI_AREA_NAMES } from '#server/domain/nairobi-areas';
import { mayEditRegistry } from '#server/domain/roles';
import { SEARCH_MAX_LENGTH } from '#server/domain/search-limits';
import { SKILL_LABELS, SKILLS } from '#server/domain/skills';

import { FilterActions } from '../components/dashboard/filter-actions';
import { UnshownFilterProblems, useFilterProblems } from '../components/dashboard/filter-problems';
import { LoadMeter } from '../components/dashboard/load-meter';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { weeksOverAt } from '../components/dashboard/week-over';
import { Pagination } from '../components/pagination';
import { SortableHeader } from '../components/sortable-header';
import { requireDashboardReader } from '../dashboard.server';
import { formatCount, formatKes } from '../format';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseFilters } from '../route-input.server';

export const meta: MetaFunction = () => [{ title: 'Workshops · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireDashboardReader(args);
  const { dashboard, clock } = args.context;
  const { query, problems } = parseFilters(args.request, dashboard.queries.WorkshopListQuery);
  const now = clock.now();
  const page = await answerDomainErrors(() => dashboard.listWorkshops({ query, now }));
  const weeks = [...new Set(page.rows.flatMap((row) => row.weeks.map((week) => week.week)))];
  return { query, problems, page, mayEdit: mayEditRegistry(user.role), weeksOver: weeksOverAt({ weeks, now }) };
}

export default function Workshops() {
  const { query, problems, page, mayEdit, weeksOver } = useLoaderData<typeof loader>();
  const filters = useFilterProblems(problems);
  useLiveRevalidation(WORKSHOP_LOAD_EVENTS);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Workshops</h1>
          <p>
            {formatCount(page.total)} workshops · load is planned hours over the hours their active artisans offer, this
            week and the next two
          </p>
        </div>
        {mayEdit ? (
          <Link to="/workshops/new" className="button">
            Add a workshop
          </Link>
        ) : null}
      </header>

      <Form method="get" className="filters card" aria-label="Filter workshops">
        <label>
          Skill
          <select name="skill" defaultValue={query.skill ?? ''}>
            <option value="">Any</option>
            {SKILLS.map((skill) => (
              <option key={skill} value={skill}>
                {SKILL_LABELS[skill]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Area
          <select name="area" defaultValue={query.area ?? ''}>
            <option value="">Any</option>
            {NAIROBI_AREA_NAMES.map((area) => (
              <option key={area}>{area}</option>
            ))}
          </select>
        </label>
        <label>
          Search
          <input
            type="search"
            name="q"
            defaultValue={filters.valueOf('q', query.q)}
            placeholder="Code or name"
            maxLength={SEARCH_MAX_LENGTH}
            {...filters.invalid('q')}
          />
          {filters.beside('q', 'The search')}
        </label>
        <label>
          Show
          <select name="active" defaultValue={query.active}>
            <option value="active">Active workshops</option>
            <option value="all">All, inactive too</option>
          </select>
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <FilterActions resetTo="/workshops" />
      </Form>
      <UnshownFilterProblems problems={problems} shown={['q']} />

      <section className="card">
        <div className="table-scroll">
          <table className="data" data-testid="workshops-table">
            <thead>
              <tr>
                <SortableHeader column="code" label="Workshop" sortedBy={query} />
                <SortableHeader column="area" label="Area" sortedBy={query} />
                <th>Skills</th>
                <SortableHeader column="artisans" label="Artisans" sortedBy={query} numeric />
                <SortableHeader column="load" label="Load, 3 weeks" sortedBy={query} />
                <SortableHeader column="earnings" label="Earned this month" sortedBy={query} numeric />
              </tr>
            </thead>
            <tbody>
              {page.rows.map((workshop) => (
                <tr key={workshop.id}>
                  <td>
                    <Link to={`/workshops/${workshop.id}`}>{workshop.code}</Link>
                    <span className="muted"> · {workshop.name}</span>
                    {workshop.active ? null : <span className="badge badge--bad"> inactive</span>}
                  </td>
                  <td>{workshop.area}</td>
                  <td>
                    <span className="skill-list">
                      {workshop.skills.map((skill) => (
                        <span key={skill} className="badge">
                          {SKILL_LABELS[skill]}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td className="num">{formatCount(workshop.artisans)}</td>
                  <td>
                    <div className="load-cells">
                      {workshop.weeks.map((week) => (
                        <LoadMeter key={week.week} {...week} over={weeksOver.includes(week.week)} />
                      ))}
                    </div>
                  </td>
                  <td className="num">{formatKes(workshop.earningsThisMonthCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {page.rows.length === 0 ? <p className="muted">No workshops match these filters.</p> : null}
        <Pagination page={page.page} pageCount={page.pageCount} total={page.total} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/workshops" backLabel="Back to the workshops" />;
}
