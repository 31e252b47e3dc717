import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { MAKERS_SHARE_TARGET } from '#server/domain/impact-figures';

import { requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { FigureDefinitions } from '../components/impact/figure-definitions';
import { headlineFigures } from '../components/impact/headline-figures';
import { DistributionChart, MoneyByRowChart, TrendChart } from '../components/impact/impact-charts';
import { ImpactHeadlines } from '../components/impact/impact-headlines';
import { ImpactTable } from '../components/impact/impact-table';
import { PeriodPicker } from '../components/impact/period-picker';
import { formatPercent } from '../format';
import { answerDomainErrors, parseQuery } from '../route-input.server';
import impactStyles from '../styles/impact.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: impactStyles }];

export const meta: MetaFunction = () => [{ title: 'Impact · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'impact');
  const { impact } = args.context;
  const query = parseQuery(args.request, impact.queries.ImpactPeriodQuery);
  const report = await answerDomainErrors(() => impact.readImpactReport({ query }));
  const tables = impact.buildImpactTables(report);
  return {
    period: { kind: report.period.kind, label: report.period.label, search: report.period.search },
    previousLabel: report.previous.range.label,
    headline: { current: report.current.byGender, previous: report.previous.byGender.all },
    wages: report.wages,
    tables: {
      figures: tables.figures,
      channels: tables.channels,
      distribution: tables.distribution,
      trend: tables.trend,
      areas: tables.areas,
    },
  };
}

export default function Impact() {
  const { period, previousLabel, headline, wages, tables } = useLoaderData<typeof loader>();
  const search = new URLSearchParams(period.search).toString();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Impact</h1>
          <p data-testid="impact-period">
            {period.label}, against {previousLabel}
          </p>
        </div>
        <a className="button" href={`/impact.pdf?${search}`} download data-testid="impact-pdf-link">
          PDF report
        </a>
      </header>
      <PeriodPicker period={period} />

      <ImpactHeadlines figures={headlineFigures({ ...headline, previousLabel })} />

      <section className="card" aria-labelledby="figures-heading">
        <h2 id="figures-heading">Every figure, by gender</h2>
        <ImpactTable
          table={tables.figures}
          search={search}
          caption={`Click a figure's name for its definition. Makers' share target: ${formatPercent(MAKERS_SHARE_TARGET.low)}–${formatPercent(MAKERS_SHARE_TARGET.high)} of revenue.`}
        />
      </section>

      <div className="impact-grid">
        <section className="card" aria-labelledby="distribution-heading">
          <h2 id="distribution-heading">Earnings distribution</h2>
          <DistributionChart table={tables.distribution} />
          <ImpactTable
            table={tables.distribution}
            search={search}
            caption="Artisans paid, by their monthly earnings (KES)."
          />
        </section>
        <section className="card" aria-labelledby="trend-heading">
          <h2 id="trend-heading">Pay over the last 12 months</h2>
          <TrendChart table={tables.trend} />
          <ImpactTable table={tables.trend} search={search} />
        </section>
      </div>

      <section className="card" aria-labelledby="areas-heading">
        <h2 id="areas-heading">By area</h2>
        <MoneyByRowChart table={tables.areas} column={4} label="Median monthly earnings by area, KES" />
        <ImpactTable table={tables.areas} search={search} caption="Open an area for its workshops and artisans." />
      </section>

      <section className="card" aria-labelledby="channels-heading">
        <h2 id="channels-heading">On-time delivery by channel</h2>
        <ImpactTable table={tables.channels} search={search} />
      </section>

      <FigureDefinitions wages={wages} />
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/impact" backLabel="Back to the impact report" />;
}
