import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useCallback, useEffect, useState } from 'react';

import { OVERVIEW_EVENTS } from '#server/domain/events';
import { mayPlan } from '#server/domain/roles';
import { SKILL_LABELS, SKILLS } from '#server/domain/skills';

import { DemandChart } from '../components/dashboard/demand-chart';
import { DemandTable } from '../components/dashboard/demand-table';
import { UnshownFilterProblems, useFilterProblems } from '../components/dashboard/filter-problems';
import { toHours } from '../components/dashboard/labels';
import { describePushedEvent, LiveFeed, type PushedFeedItem } from '../components/dashboard/live-feed';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { KpiCard } from '../components/kpi-card';
import { requireDashboardReader } from '../dashboard.server';
import { formatCount, formatNairobiClock, formatPercent } from '../format';
import { useLiveRevalidation, type LiveEventHandler } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseFilters } from '../route-input.server';

export const meta: MetaFunction = () => [{ title: 'Overview · Kiwanda' }];

const RANGE_CHOICES = [4, 8, 12, 26] as const;

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireDashboardReader(args);
  const { dashboard, clock } = args.context;
  const { query, problems } = parseFilters(args.request, dashboard.queries.OverviewQuery);
  const now = clock.now();
  const [overview, events] = await answerDomainErrors(() =>
    Promise.all([dashboard.readOverview({ now, query }), dashboard.listRecentEvents({ limit: 15 })]),
  );
  return { query, problems, overview, events, canPlan: mayPlan(user.role) };
}

export default function Overview() {
  const { query, problems, overview, events, canPlan } = useLoaderData<typeof loader>();
  const filters = useFilterProblems(problems);
  const { kpis, demand } = overview;
  const [pushed, setPushed] = useState<PushedFeedItem[]>([]);
  const onEvent = useCallback<LiveEventHandler>((name, payload) => {
    const item = describePushedEvent(name, payload);
    if (item) setPushed((current) => [item, ...current].slice(0, 10));
  }, []);
  useLiveRevalidation(OVERVIEW_EVENTS, { onEvent });
  // The revalidated feed holds what was pushed (each change writes its audit event), so the provisional entries go.
  useEffect(() => setPushed([]), [events]);

  const utilisation = kpis.utilisation.fraction;
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Overview</h1>
          <p>
            Week {kpis.week} · figures as of {formatNairobiClock(overview.computedAt)} Nairobi time
          </p>
        </div>
        {/* Managers and admins read the plans; only a planner is offered to make one. */}
        {canPlan ? (
          <Link to="/planning" className="button">
            Plan open demand
          </Link>
        ) : null}
      </header>

      <section className="kpi-grid" aria-label="Headline figures">
        <KpiCard
          testId="kpi-open-orders"
          label="Open orders"
          value={formatCount(kpis.openOrders.count)}
          hint={`Not shipped or cancelled; ${formatCount(kpis.openOrders.unplanned)} not planned yet`}
        />
        <KpiCard
          testId="kpi-units-due"
          label="Units due in 3 weeks"
          value={formatCount(kpis.unitsDue.units)}
          tone={kpis.unitsDue.overdueUnits > 0 ? 'warn' : 'neutral'}
          hint={`Open orders shipping by the end of ${kpis.unitsDue.throughWeek}; ${formatCount(kpis.unitsDue.overdueUnits)} already overdue`}
        />
        <KpiCard
          testId="kpi-utilisation"
          label="Capacity used this week"
          value={utilisation === null ? '–' : formatPercent(utilisation)}
          tone={utilisation === null ? 'neutral' : utilisation > 1 ? 'bad' : utilisation > 0.9 ? 'warn' : 'good'}
          hint={`${formatCount(toHours(kpis.utilisation.committedMinutes))} h of jobs planned in ${kpis.week} / ${formatCount(toHours(kpis.utilisation.capacityMinutes))} h the active artisans offer`}
        />
        <KpiCard
          testId="kpi-at-risk"
          label="Units at risk of being late"
          value={formatCount(kpis.atRisk.units)}
          tone={kpis.atRisk.units > 0 ? 'bad' : 'good'}
          hint={`Not made yet, shipping within ${kpis.atRisk.horizonDays} days or overdue: ${formatCount(kpis.atRisk.uncoveredUnits)} not planned, ${formatCount(kpis.atRisk.unfinishedUnits)} in jobs not yet at QC`}
        />
        <KpiCard
          testId="kpi-idle-artisans"
          label="Artisans with no work this week"
          value={formatCount(kpis.idleArtisans.count)}
          tone={kpis.idleArtisans.count > 0 ? 'warn' : 'good'}
          hint={`Of ${formatCount(kpis.idleArtisans.activeArtisans)} active artisans, not named on any job of ${kpis.week} (offers not yet accepted name nobody)`}
        />
      </section>

      <div className="dashboard-grid">
        <section className="card" aria-labelledby="demand-heading">
          <div className="card__header">
            <h2 id="demand-heading">Demand against capacity, hours</h2>
            <Form method="get" className="filters" aria-label="Chart range and skill">
              <label>
                From week
                <input
                  name="from"
                  defaultValue={filters.valueOf('from', query.from)}
                  placeholder={kpis.week}
                  pattern="\d{4}-W\d{2}"
                  size={9}
                  maxLength={8}
                  {...filters.invalid('from')}
                />
                {filters.beside('from', 'The first week')}
              </label>
              <label>
                Weeks
                <select name="weeks" defaultValue={String(query.weeks)}>
                  {[...new Set([...RANGE_CHOICES, query.weeks])]
                    .sort((a, b) => a - b)
                    .map((weeks) => (
                      <option key={weeks} value={weeks}>
                        {weeks}
                      </option>
                    ))}
                </select>
              </label>
              <label>
                Skill
                <select name="skill" defaultValue={query.skill ?? ''}>
                  <option value="">All skills</option>
                  {SKILLS.map((skill) => (
                    <option key={skill} value={skill}>
                      {SKILL_LABELS[skill]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button button--quiet">
                Show
              </button>
            </Form>
            <UnshownFilterProblems problems={problems} shown={['from']} />
          </div>
          <p className="definition">
            Demand: hours of jobs planned in the week, plus hours of ordered units no job covers yet, in their ship-by
            week (overdue ones in this week). Capacity: hours the active artisans offer, public holidays removed.
          </p>
          <DemandChart demand={demand} />
        </section>

        <section className="card" aria-labelledby="feed-heading">
          <h2 id="feed-heading">Live feed</h2>
          <LiveFeed items={events} pushed={pushed} />
        </section>
      </div>

      <section className="card" aria-label="Demand against capacity by skill and week">
        <DemandTable demand={demand} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/overview" backLabel="Back to the overview" />;
}
