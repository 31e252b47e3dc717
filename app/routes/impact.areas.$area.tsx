import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { MoneyByRowChart } from '../components/impact/impact-charts';
import { ImpactTable } from '../components/impact/impact-table';
import { PeriodPicker } from '../components/impact/period-picker';
import { answerDomainErrors, parseParams, parseQuery } from '../route-input.server';
import impactStyles from '../styles/impact.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: impactStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Impact in ${data?.area ?? 'an area'} · Kiwanda` },
];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'impact');
  const { impact } = args.context;
  const { area } = parseParams(args.params, impact.queries.ImpactAreaParams);
  const query = parseQuery(args.request, impact.queries.ImpactPeriodQuery);
  const report = await answerDomainErrors(() => impact.readImpactReport({ query }));
  const tables = impact.buildImpactTables(report, { area });
  return {
    area,
    period: { kind: report.period.kind, label: report.period.label, search: report.period.search },
    tables: { workshops: tables.workshops, artisans: tables.artisans },
  };
}

/** One area's workshops and the artisans paid there in the period; each artisan opens their history. */
export default function ImpactArea() {
  const { area, period, tables } = useLoaderData<typeof loader>();
  const search = new URLSearchParams(period.search).toString();
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to={`/impact?${search}`}>Impact</Link> › {area}
          </p>
          <h1>{area}</h1>
          <p>{period.label}</p>
        </div>
      </header>
      <PeriodPicker period={period} />
      <section className="card" aria-labelledby="workshops-heading">
        <h2 id="workshops-heading">Workshops</h2>
        <MoneyByRowChart table={tables.workshops} column={5} label="Median monthly earnings by workshop, KES" />
        <ImpactTable
          table={tables.workshops}
          search={search}
          csvSearch={`${search}&area=${encodeURIComponent(area)}`}
        />
      </section>
      <section className="card" aria-labelledby="artisans-heading">
        <h2 id="artisans-heading">Artisans paid</h2>
        <ImpactTable
          table={tables.artisans}
          search={search}
          csvSearch={`${search}&area=${encodeURIComponent(area)}`}
          caption="Open an artisan for their pay month by month."
        />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/impact" backLabel="Back to the impact report" />;
}
