import { type LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react';

import { describeCommittedFigures } from '#server/domain/committed-plan';

import { requireActor } from '../auth.server';
import { HeldCapacity } from '../components/capacity-check/held-capacity';
import { formatFulfilment } from '../components/planning/plan-format';
import { formatWeekRange, PlanTable } from '../components/planning/plan-list';
import { formatCount, formatNairobiTime } from '../format';

export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireActor(args, 'planning');
  const [plans, holds] = await Promise.all([
    args.context.planning.listPlans(),
    args.context.capacityCheck.listActiveHolds({ actor }),
  ]);
  return { ...plans, holds };
}

export default function PlanningIndex() {
  const { waiting, committed, recent, holds } = useLoaderData<typeof loader>();
  const suggestions = waiting.filter((plan) => plan.trigger === 'auto');
  const proposals = waiting.filter((plan) => plan.trigger === 'planner');
  return (
    <>
      <section className="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">Waiting for review</h2>
        {waiting.length === 0 ? <p className="muted">No proposal is waiting. Plan open demand to make one.</p> : null}
        {suggestions.length > 0 ? (
          <div className="plan-suggestions" data-testid="suggested-proposals">
            <h3>Suggested by the automatic re-plan</h3>
            <ul>
              {suggestions.map((plan) => (
                <li key={plan.id}>
                  <Link to={`/planning/${plan.id}`}>{formatNairobiTime(plan.createdAt)}</Link> · after{' '}
                  {plan.reason || 'a change in demand or capacity'} · {formatCount(plan.placedUnits)} units placed,{' '}
                  {formatFulfilment(plan.fulfilment)} fulfilment
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <PlanTable plans={proposals} caption="Proposals run by planners" testId="waiting-proposals" />
      </section>
      <section className="card" aria-labelledby="committed-title">
        <h2 id="committed-title">Committed plan</h2>
        {committed ? (
          <p>
            <Link to={`/planning/${committed.id}`}>
              Committed {committed.committedAt ? formatNairobiTime(committed.committedAt) : ''}
            </Link>
            {committed.committedBy ? ` by ${committed.committedBy}` : ''} · weeks {formatWeekRange(committed)} ·{' '}
            <span data-testid="committed-figures">
              {committed.committed ? describeCommittedFigures(committed.committed) : 'nothing offered'}
            </span>
          </p>
        ) : (
          <p className="muted">No plan has been committed yet.</p>
        )}
      </section>
      <section className="card" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent plans</h2>
        <PlanTable plans={recent} caption="Recent plans" />
      </section>
      <HeldCapacity holds={holds} returnTo="/planning" />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : 'Something went wrong; it has been logged.';
  return (
    <section className="error-panel">
      <h2>The list of plans cannot be shown</h2>
      <p>{detail}</p>
    </section>
  );
}
