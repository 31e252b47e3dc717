import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { GENDER_NOUNS } from '#server/domain/impact-figures';

import { requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { MoneyByRowChart } from '../components/impact/impact-charts';
import { ImpactTable } from '../components/impact/impact-table';
import { KpiCard } from '../components/kpi-card';
import { formatCount, formatKes } from '../format';
import { answerDomainErrors, parseParams, parseQuery } from '../route-input.server';
import impactStyles from '../styles/impact.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: impactStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.artisan.name ?? 'Artisan'} · Impact · Kiwanda` },
];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'impact');
  const { impact } = args.context;
  const { artisanId } = parseParams(args.params, impact.queries.ImpactArtisanParams);
  const query = parseQuery(args.request, impact.queries.ImpactPeriodQuery);
  const report = await answerDomainErrors(() => impact.readImpactReport({ query }));
  const artisan = report.artisans.find((row) => row.artisanId === artisanId);
  if (!artisan)
    throw new Response(`Artisan ${artisanId} was not paid in ${report.period.label}.`, {
      status: 404,
      statusText: 'Not Found',
    });
  const workshop = report.byWorkshop.find((row) => row.workshopId === artisan.workshopId);
  return {
    period: { label: report.period.label, search: report.period.search },
    artisan: { ...artisan, history: undefined },
    workshop: workshop ? { code: workshop.code, name: workshop.name, area: workshop.area } : null,
    livingHourlyCents: report.wages.living.hourlyCents,
    history: impact.buildImpactTables(report, { artisanId }).history,
  };
}

/** One artisan's pay month by month over the year ending with the period, and their figures. */
export default function ImpactArtisan() {
  const { period, artisan, workshop, livingHourlyCents, history } = useLoaderData<typeof loader>();
  const search = new URLSearchParams(period.search).toString();
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to={`/impact?${search}`}>Impact</Link>
            {workshop ? (
              <>
                {' › '}
                <Link to={`/impact/areas/${encodeURIComponent(workshop.area)}?${search}`}>{workshop.area}</Link>
              </>
            ) : null}
            {' › '}
            {artisan.name}
          </p>
          <h1>{artisan.name}</h1>
          <p>
            {GENDER_NOUNS[artisan.gender]} · {workshop ? `${workshop.code} ${workshop.name}` : 'workshop unknown'} ·{' '}
            {period.label}
          </p>
        </div>
      </header>
      <section className="kpi-grid" aria-label="Artisan's figures">
        <KpiCard label="Paid in the period" value={formatKes(artisan.paidCents)} />
        <KpiCard label="Monthly earnings" value={formatKes(artisan.monthlyCents)} />
        <KpiCard
          label="Effective hourly earnings"
          value={artisan.hourlyCents === null ? '–' : formatKes(artisan.hourlyCents)}
          tone={artisan.hourlyCents !== null && artisan.hourlyCents >= livingHourlyCents ? 'good' : 'warn'}
          hint={`Living wage ${formatKes(livingHourlyCents)} an hour`}
        />
        <KpiCard
          label="Weeks of work"
          value={`${formatCount(artisan.weeksOfWork13)} of 13`}
          hint={`${formatCount(artisan.weeksOfWork52)} of the last 52`}
        />
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">Pay by month</h2>
        <MoneyByRowChart table={history} column={1} label="Pay by month, KES" />
        <ImpactTable table={history} search={search} csvSearch={`${search}&artisan=${artisan.artisanId}`} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/impact" backLabel="Back to the impact report" />;
}
