import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { isRouteErrorResponse, Link, Outlet, useActionData, useLoaderData, useRouteError } from '@remix-run/react';

import { requireActor, requireRole } from '../auth.server';
import { PlanDemandPanel } from '../components/planning/plan-demand-panel';
import planningStyles from '../components/planning/planning.css';
import { currentPlanRun, DomainError, ProblemValidationError, startPlanRun } from '../planning.server';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';

const PLAN_EVENTS = ['plan:proposed', 'plan:committed'] as const;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: planningStyles }];

export const meta: MetaFunction = () => [{ title: 'Planning · Kiwanda' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'planning');
  const running = currentPlanRun();
  return {
    canAct: user.role === 'planner',
    running: running
      ? {
          planId: running.planId,
          trigger: running.trigger,
          phase: running.phase,
          percent: Math.round(running.fraction * 100),
          message: running.message,
          startedBy: running.startedBy,
        }
      : null,
  };
}

/** "Plan open demand" (and "Re-plan now"): runs the optimizer, then shows the proposal. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, ['planner']);
  const form = await request.formData();
  if (form.get('intent') !== 'plan') return data({ error: 'Unknown request: intent must be "plan".' }, { status: 400 });
  try {
    const outcome = await startPlanRun({ actor, trigger: 'planner' }).outcome;
    return redirect(`/planning/${outcome.planId}`);
  } catch (error) {
    if (error instanceof DomainError) return data({ error: error.message }, { status: error.status });
    // The optimizer names the order line or workshop whose data it cannot use.
    if (error instanceof ProblemValidationError)
      return data({ error: `The planning data needs fixing first. ${error.message}` }, { status: 422 });
    throw error;
  }
}

export default function PlanningLayout() {
  const { canAct, running } = useLoaderData<typeof loader>();
  // Typed by hand: the action's only data answer is an error message.
  const actionData = useActionData<typeof action>() as { error?: string } | undefined;
  // A proposal made or committed anywhere (another planner, the re-planner) shows up here.
  useLiveRevalidation(PLAN_EVENTS);
  return (
    <div className="planning">
      <header className="page-header">
        <div>
          <h1>
            <Link to="/planning" className="planning__title-link">
              Planning
            </Link>
          </h1>
          <p>Open demand onto workshop capacity: propose, review, commit.</p>
        </div>
      </header>
      <PlanDemandPanel canAct={canAct} running={running} error={actionData?.error ?? null} />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const title = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'Planning is unavailable';
  const detail = isRouteErrorResponse(error) ? String(error.data) : 'Something went wrong; it has been logged.';
  return (
    <section className="error-panel">
      <h1>{title}</h1>
      <p>{detail}</p>
    </section>
  );
}
