import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';

import { ORDER_SOURCE_LABELS, ORDER_SOURCES } from '#server/domain/order-source';
import type { OrderStatus } from '#server/domain/order-status';
import { mayEnterOrders } from '#server/domain/roles';
import { SEARCH_MAX_LENGTH } from '#server/domain/search-limits';
import { SKILL_LABELS, SKILLS } from '#server/domain/skills';

import { FilterActions } from '../components/dashboard/filter-actions';
import { UnshownFilterProblems, useFilterProblems } from '../components/dashboard/filter-problems';
import { ORDER_STATUS_LABELS } from '../components/dashboard/labels';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { OrderStatusBadge } from '../components/dashboard/status-badge';
import { DayInput } from '../components/day-input';
import { Pagination } from '../components/pagination';
import { SortableHeader } from '../components/sortable-header';
import { requireDashboardReader } from '../dashboard.server';
import { formatCount, formatDay, formatKes } from '../format';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseFilters } from '../route-input.server';

export const meta: MetaFunction = () => [{ title: 'Orders · Kiwanda' }];

const SORT_LABELS = { shipBy: 'ship-by date', placedAt: 'date placed', reference: 'reference' } as const;

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireDashboardReader(args);
  const { dashboard } = args.context;
  const { query, problems } = parseFilters(args.request, dashboard.queries.OrderListQuery);
  const [page, partners] = await answerDomainErrors(() =>
    Promise.all([dashboard.listOrders({ query }), dashboard.listOrderPartners()]),
  );
  return { query, problems, page, partners, mayEnter: mayEnterOrders(user.role) };
}

/** The CSV link carries the table's filters and sort, not its page: the file holds every matching row. */
function csvHref(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('page');
  params.delete('pageSize');
  const query = params.toString();
  return query ? `/orders.csv?${query}` : '/orders.csv';
}

export default function Orders() {
  const { query, problems, page, partners, mayEnter } = useLoaderData<typeof loader>();
  const filters = useFilterProblems(problems);
  const { search } = useLocation();
  useLiveRevalidation(['order:created', 'order:cancelled', 'order:status', 'job:status', 'plan:committed']);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Orders</h1>
          <p>
            {formatCount(page.total)} orders · sorted by {SORT_LABELS[query.sort]},{' '}
            {query.dir === 'asc' ? 'earliest first' : 'latest first'}
          </p>
        </div>
        <div className="page-header__actions">
          {mayEnter ? (
            <>
              <Link className="button" to="/orders/new">
                New order
              </Link>
              <Link className="button button--quiet" to="/orders/import">
                Import purchase order
              </Link>
            </>
          ) : null}
          <a className="button button--quiet" href={csvHref(search)} download data-testid="orders-csv">
            Download CSV
          </a>
        </div>
      </header>

      <Form method="get" className="filters card" aria-label="Filter orders">
        <label>
          Status
          <select name="status" defaultValue={query.status}>
            <option value="open">Open (not shipped or cancelled)</option>
            <option value="all">All</option>
            {(Object.keys(ORDER_STATUS_LABELS) as OrderStatus[])
              .filter((status) => status !== 'open')
              .map((status) => (
                <option key={status} value={status}>
                  {ORDER_STATUS_LABELS[status]}
                </option>
              ))}
          </select>
        </label>
        <label>
          Source
          <select name="source" defaultValue={query.source ?? ''}>
            <option value="">Any</option>
            {ORDER_SOURCES.map((source) => (
              <option key={source} value={source}>
                {ORDER_SOURCE_LABELS[source]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Partner
          <select name="partner" defaultValue={query.partner ?? ''}>
            <option value="">Any</option>
            {partners.map((partner) => (
              <option key={partner}>{partner}</option>
            ))}
          </select>
        </label>
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
          Ship by from
          <DayInput
            name="shipFrom"
            defaultValue={filters.valueOf('shipFrom', query.shipFrom)}
            {...filters.invalid('shipFrom')}
          />
          {filters.beside('shipFrom', 'The first ship-by date')}
        </label>
        <label>
          to
          <DayInput
            name="shipTo"
            defaultValue={filters.valueOf('shipTo', query.shipTo)}
            {...filters.invalid('shipTo')}
          />
          {filters.beside('shipTo', 'The last ship-by date')}
        </label>
        <label>
          Search
          <input
            type="search"
            name="q"
            defaultValue={filters.valueOf('q', query.q)}
            placeholder="Reference or customer"
            maxLength={SEARCH_MAX_LENGTH}
            {...filters.invalid('q')}
          />
          {filters.beside('q', 'The search')}
        </label>
        <label>
          Rows
          <select name="pageSize" defaultValue={String(query.pageSize)}>
            {[25, 50, 100].map((size) => (
              <option key={size}>{size}</option>
            ))}
          </select>
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <FilterActions resetTo="/orders" />
      </Form>
      <UnshownFilterProblems problems={problems} shown={['shipFrom', 'shipTo', 'q']} />

      <section className="card">
        <div className="table-scroll">
          <table
            className="data"
            data-testid="orders-table"
            // Which query the rows answer: lets a test (or a person with dev tools) tell the new rows from the old.
            data-query={`${query.status}|${query.source ?? ''}|${query.sort}|${query.dir}|${page.page}`}
          >
            <thead>
              <tr>
                <SortableHeader column="reference" label="Reference" sortedBy={query} />
                <th>Customer</th>
                <SortableHeader column="placedAt" label="Placed" sortedBy={query} />
                <SortableHeader column="shipBy" label="Ship by" sortedBy={query} />
                <th>Status</th>
                <th className="num">Units</th>
                <th className="num wide-only">Planned</th>
                <th className="num wide-only">Made</th>
                <th className="num wide-only">Value</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td className="nowrap">
                    <Link to={`/orders/${row.id}`}>{row.reference}</Link>
                    {row.priority !== 'normal' ? <span className="badge badge--bad"> {row.priority}</span> : null}
                  </td>
                  <td>
                    {row.source === 'retail' ? row.partner : row.customer}
                    <span className="muted">
                      {' '}
                      · {ORDER_SOURCE_LABELS[row.source].toLowerCase()} · {row.country}
                    </span>
                  </td>
                  <td className="nowrap">{formatDay(row.placedOn)}</td>
                  <td className="nowrap">{formatDay(row.shipBy)}</td>
                  <td>
                    <OrderStatusBadge status={row.status} />
                  </td>
                  <td className="num">{formatCount(row.units)}</td>
                  <td className="num wide-only">{formatCount(row.plannedUnits)}</td>
                  <td className="num wide-only">{formatCount(row.madeUnits)}</td>
                  <td className="num wide-only nowrap">{formatKes(row.valueCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {page.rows.length === 0 ? <p className="muted">No orders match these filters.</p> : null}
        <Pagination page={page.page} pageCount={page.pageCount} total={page.total} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/orders" backLabel="Back to all open orders" />;
}
