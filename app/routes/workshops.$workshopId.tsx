import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { objectIdString } from '#server/domain/input-schemas';
import { mayEditRegistry } from '#server/domain/roles';
import { SKILL_LABELS } from '#server/domain/skills';

import { JobsTable } from '../components/dashboard/jobs-table';
import { LoadMeter } from '../components/dashboard/load-meter';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { weeksOverAt } from '../components/dashboard/week-over';
import { requireDashboardReader } from '../dashboard.server';
import { formatCount, formatKes } from '../format';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseParams } from '../route-input.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.workshop.code ?? 'Workshop'} · Kiwanda` },
];

const WorkshopParams = z.object({ workshopId: objectIdString });

const SAVED_WORDS = {
  workshop: 'Workshop saved.',
  artisan: 'Artisan added: their hours are in the capacity below.',
} as const;

const SavedQuery = z.object({ saved: z.enum(['workshop', 'artisan']).optional().catch(undefined) });

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireDashboardReader(args);
  const { workshopId } = parseParams(args.params, WorkshopParams);
  const { saved } = SavedQuery.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const { dashboard, clock } = args.context;
  const now = clock.now();
  const workshop = await answerDomainErrors(() => dashboard.readWorkshopDetail({ workshopId, now }));
  const weeksOver = weeksOverAt({ weeks: [...new Set(workshop.loads.map((load) => load.week))], now });
  // Managers read the network; only planners and administrators see the ways to change it.
  return { workshop, weeksOver, mayEdit: mayEditRegistry(user.role), saved: saved ? SAVED_WORDS[saved] : null };
}

export default function WorkshopDetailPage() {
  const { workshop, weeksOver, mayEdit, saved } = useLoaderData<typeof loader>();
  useLiveRevalidation(['job:status', 'plan:committed', 'capacity:changed', 'payment:paid', 'inspection:recorded']);
  const skillsWithLoad = [...new Set(workshop.loads.map((load) => load.skill))];

  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to="/workshops">← Workshops</Link>
          </p>
          <h1>
            {workshop.code} · {workshop.name}{' '}
            {workshop.active ? null : <span className="badge badge--bad">inactive</span>}
          </h1>
        </div>
        <div className="page-header__actions">
          {mayEdit ? (
            <Link to={`/workshops/${workshop.id}/edit`} className="button button--quiet">
              Edit the workshop
            </Link>
          ) : null}
          <Link to={`/jobs?workshop=${workshop.id}`} className="button button--quiet">
            Jobs board for this workshop
          </Link>
        </div>
      </header>
      {saved ? (
        <p className="notice notice--good" role="status">
          {saved}
        </p>
      ) : null}

      <section className="card">
        <dl className="facts">
          <div>
            <dt>Area</dt>
            <dd>{workshop.area}</dd>
          </div>
          <div>
            <dt>Phone</dt>
            <dd>{workshop.phone}</dd>
          </div>
          <div>
            <dt>Skills</dt>
            <dd>{workshop.skills.map((skill) => SKILL_LABELS[skill]).join(', ')}</dd>
          </div>
          <div>
            <dt>Earned this month</dt>
            <dd>{formatKes(workshop.earningsThisMonthCents)}</dd>
          </div>
        </dl>
      </section>

      <section className="card">
        <h2>Capacity against load</h2>
        {skillsWithLoad.length === 0 ? (
          <p className="muted">No active artisans and no planned jobs in the coming weeks.</p>
        ) : (
          <table className="data">
            <tbody>
              {skillsWithLoad.map((skill) => (
                <tr key={skill}>
                  <th scope="row">{SKILL_LABELS[skill]}</th>
                  <td>
                    <div className="load-cells">
                      {workshop.loads
                        .filter((load) => load.skill === skill)
                        .map((load) => (
                          <LoadMeter
                            key={load.week}
                            week={load.week}
                            capacityMinutes={load.capacityMinutes}
                            committedMinutes={load.committedMinutes}
                            over={weeksOver.includes(load.week)}
                          />
                        ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card">
        <div className="card__header">
          <h2>Artisans</h2>
          {mayEdit ? (
            <Link to={`/workshops/${workshop.id}/artisans/new`} className="button button--small">
              Add an artisan
            </Link>
          ) : null}
        </div>
        <div className="table-scroll">
          <table className="data" data-testid="workshop-artisans">
            <thead>
              <tr>
                <th>Name</th>
                <th>Skills</th>
                <th className="num">Hours a week</th>
                <th>Status</th>
                <th className="num">Jobs this week</th>
                <th className="num">Units this week</th>
                <th className="num">Earned this month</th>
              </tr>
            </thead>
            <tbody>
              {workshop.artisans.map((artisan) => (
                <tr key={artisan.id}>
                  <td>
                    {mayEdit ? (
                      <Link to={`/workshops/${workshop.id}/artisans/${artisan.id}`}>{artisan.name}</Link>
                    ) : (
                      artisan.name
                    )}
                  </td>
                  <td>{artisan.skills.map((skill) => SKILL_LABELS[skill]).join(', ')}</td>
                  <td className="num">{artisan.weeklyHours}</td>
                  <td>
                    {artisan.status === 'active' ? (
                      'active'
                    ) : (
                      <span className="badge badge--bad">{artisan.status}</span>
                    )}
                  </td>
                  <td className="num">{formatCount(artisan.jobsThisWeek)}</td>
                  <td className="num">{formatCount(artisan.unitsThisWeek)}</td>
                  <td className="num">{formatKes(artisan.earningsThisMonthCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card">
        <h2>Jobs since {workshop.jobsFromWeek}</h2>
        {workshop.jobs.length === 0 ? (
          <p className="muted">No jobs in these weeks.</p>
        ) : (
          <JobsTable
            jobs={workshop.jobs}
            testId="workshop-jobs"
            columns={[
              { header: 'Order', cell: (job) => <Link to={`/orders/${job.orderId}`}>{job.order}</Link> },
              { header: 'Product', cell: (job) => job.sku },
            ]}
          />
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/workshops" backLabel="Back to the workshops" />;
}
