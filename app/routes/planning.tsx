import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError } from '@remix-run/react';
import { z } from 'zod';

import { mayPlan, PLANNING_ROLES } from '#server/domain/roles';

import { requireActor, requireRole } from '../auth.server';
import { PlanDemandPanel } from '../components/planning/plan-demand-panel';
import planningStyles from '../components/planning/planning.css';
import { useActionResult } from '../realtime/use-action-result';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { parseForm, runAction } from '../route-input.server';

const PlanForm = z.object({ intent: z.literal('plan', { error: 'must be "plan"' }) });

const PLAN_EVENTS = ['plan:proposed', 'plan:committed'] as const;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: planningStyles }];

export const meta: MetaFunction = () => [{ title: 'Planning · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireRole(args, 'planning');
  const running = await args.context.planning.currentPlanRun();
  return {
    canAct: mayPlan(user.role),
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
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, PLANNING_ROLES);
    await parseForm(args.request, PlanForm);
    const outcome = await args.context.planning.runPlan({ actor, trigger: 'planner' });
    throw redirect(`/planning/${outcome.planId}`);
  });
}

export default function PlanningLayout() {
  const { canAct, running } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
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
      <PlanDemandPanel canAct={canAct} running={running} error={actionData?.ok === false ? actionData.error : null} />
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
