import {
  data,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { IMPACT_FIGURE_DEFINITIONS, MAKERS_SHARE_TARGET } from '#server/domain/impact-figures';

import { KpiCard } from '../components/kpi-card';
import { formatCount, formatKes, formatPercent } from '../format';
import impactStyles from '../styles/impact.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: impactStyles }];

export const meta: MetaFunction = () => [
  { title: 'Our impact · Kiwanda' },
  { name: 'description', content: 'What the artisans who make our pieces were paid over the last year.' },
];

/** The same figures for everyone and for a day: shared caches may keep them (aggregates only, no names). */
const CACHE_CONTROL = 'public, max-age=3600, s-maxage=86400, stale-while-revalidate=86400';

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  'Cache-Control': loaderHeaders.get('Cache-Control') ?? CACHE_CONTROL,
});

/** No sign-in: the brand's aggregate figures for the last twelve whole months. */
export async function loader(args: LoaderFunctionArgs) {
  const figures = await args.context.impact.readPublicImpact();
  return data({ figures }, { headers: { 'Cache-Control': CACHE_CONTROL } });
}

const share = (value: number | null) => (value === null ? '–' : formatPercent(value));

export default function PublicImpact() {
  const { figures } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Our impact</h1>
          <p data-testid="public-period">
            Artisans in Nairobi made every piece we sold. What they were paid, {figures.periodLabel}.
          </p>
        </div>
      </header>
      <section className="kpi-grid" aria-label="Figures for the last year">
        <KpiCard testId="public-artisans-paid" label="Artisans paid" value={formatCount(figures.artisansPaid)} />
        <KpiCard testId="public-women" label="Of them women" value={share(figures.womenShare)} />
        <KpiCard
          testId="public-makers-share"
          label="Makers' share of revenue"
          value={share(figures.makersShare)}
          hint={`Our target: ${formatPercent(MAKERS_SHARE_TARGET.low)}–${formatPercent(MAKERS_SHARE_TARGET.high)}`}
        />
        <KpiCard
          testId="public-living-wage"
          label="Earning at least a living wage per hour"
          value={share(figures.livingWageShare)}
        />
        <KpiCard
          testId="public-median-monthly"
          label="Median monthly earnings"
          value={figures.medianMonthlyCents === null ? '–' : formatKes(figures.medianMonthlyCents)}
        />
      </section>
      <section className="card" aria-labelledby="areas-heading">
        <h2 id="areas-heading">Where the artisans work</h2>
        <div className="table-scroll">
          <table className="data" data-testid="public-areas">
            <thead>
              <tr>
                <th scope="col">Area of Nairobi</th>
                <th scope="col" className="num">
                  Artisans paid
                </th>
                <th scope="col" className="num">
                  Median monthly earnings
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.areas.map((row) => (
                <tr key={row.area}>
                  <th scope="row">{row.area}</th>
                  <td className="num">{formatCount(row.artisansPaid)}</td>
                  <td className="num">{row.medianMonthlyCents === null ? '–' : formatKes(row.medianMonthlyCents)}</td>
                </tr>
              ))}
              {figures.otherAreasArtisans > 0 ? (
                <tr>
                  <th scope="row">Other areas, fewer than 5 artisans each</th>
                  <td className="num">{formatCount(figures.otherAreasArtisans)}</td>
                  <td className="num">–</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="about-heading">
        <h2 id="about-heading">How we count</h2>
        <dl className="definitions">
          {(['makersShare', 'livingWageShare', 'monthlyEarnings'] as const).map((figure) => (
            <div key={figure} className="definitions__item">
              <dt>{IMPACT_FIGURE_DEFINITIONS[figure].label}</dt>
              <dd>{IMPACT_FIGURE_DEFINITIONS[figure].definition}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
