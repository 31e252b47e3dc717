import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useNavigation, useRouteError } from '@remix-run/react';
import { z } from 'zod';

import { ForbiddenError } from '#server/domain/errors';
import { objectIdString } from '#server/domain/input-schemas';
import { mayPlan, maySetPlanLevers } from '#server/domain/roles';
import { type PlanViewName } from '#server/planning/read-plan-view';

import { requireActor, requireRole } from '../auth.server';
import { Pagination } from '../components/pagination';
import { CommitPanel } from '../components/planning/commit-panel';
import { EarningsChart, EarningsExplanation } from '../components/planning/earnings-chart';
import { PlanAssignmentsTable } from '../components/planning/plan-assignments-table';
import { DiffSummary, PlanChangesTable } from '../components/planning/plan-changes-table';
import { countOf, unplacedReasonLabel } from '../components/planning/plan-format';
import { PlanLeversPanel } from '../components/planning/plan-levers-panel';
import { formatWeekRange, planOrigin, PlanStatusBadge } from '../components/planning/plan-list';
import { PlanReplanMoves } from '../components/planning/plan-replan-moves';
import { PlanSummaryKpis } from '../components/planning/plan-summary-kpis';
import { PlanUnplacedTable } from '../components/planning/plan-unplaced-table';
import { PlanViewTabs } from '../components/planning/plan-view-tabs';
import { useDataChangesSinceLoad } from '../components/planning/use-planning-live';
import { formatCount, formatNairobiTime } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { parseFilters, parseForm, parseParams, runAction } from '../route-input.server';

const PlanParams = z.object({ planId: objectIdString });
const PlanActionForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('commit') }),
  // A fix for unplaced units; the service validates the change itself and names a bad field.
  z.object({
    intent: z.literal('fix'),
    orderId: objectIdString,
    change: z.string(),
    shipBy: z.string().optional(),
    priority: z.string().optional(),
    orderLineId: z.string().optional(),
    minimumLot: z.string().optional(),
  }),
  // Levers: the service validates the values and names a bad field.
  z.object({
    intent: z.literal('pin'),
    orderLineId: z.string(),
    workshopId: z.string(),
    week: z.string(),
    quantity: z.string(),
  }),
  z.object({ intent: z.literal('rule-out'), orderLineId: z.string(), workshopCode: z.string() }),
  z.object({ intent: z.literal('remove-lever'), leverId: z.string() }),
]);

export const meta: MetaFunction = () => [{ title: 'Plan · Planning · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireRole(args, 'planning');
  const { planning } = args.context;
  const { planId } = parseParams(args.params, PlanParams);
  const { query, problems } = parseFilters(args.request, planning.queries.PlanViewQuery);
  const { view, page, q } = query;
  const plan = await planning.readPlanView({ planId, view, page, query: q });
  if (!plan) throw new Response('No such plan', { status: 404, statusText: 'Not Found' });
  const [stale, levers] = await Promise.all([
    planning.isProposalStale({ status: plan.summary.status, dataVersion: plan.summary.dataVersion }),
    args.context.planLevers.listPlanLevers(),
  ]);
  return { plan, problems, stale, levers, canAct: mayPlan(user.role), canSetLevers: maySetPlanLevers(user.role) };
}

/**
 * Commit: the whole proposal becomes job offers in one transaction, or nothing does.
 * Fix: one change to an order with unplaced units, then a new plan, whose unplaced units open.
 * Pin, rule out, remove: a planner's lever, kept for every later plan run (this proposal turns
 * stale, as after any change to what planning reads).
 */
export async function action(args: ActionFunctionArgs) {
  // Which form was sent, for the page to show a refusal beside that form (see leverMessage).
  let intent = '';
  return runAction(
    async () => {
      const actor = await requireActor(args, 'planning');
      const { planId } = parseParams(args.params, PlanParams);
      const form = await parseForm(args.request, PlanActionForm);
      intent = form.intent;
      const { planning, planLevers } = args.context;
      if (form.intent === 'pin') {
        const { intent: _intent, ...pin } = form;
        await planLevers.setPlanLever({ actor, kind: 'pin', ...pin });
        return { intent: form.intent };
      }
      if (form.intent === 'rule-out') {
        const { intent: _intent, ...ruleOut } = form;
        await planLevers.setPlanLever({ actor, kind: 'rule-out', ...ruleOut });
        return { intent: form.intent };
      }
      if (form.intent === 'remove-lever') {
        await planLevers.removePlanLever({ actor, leverId: form.leverId });
        return { intent: form.intent };
      }
      if (actor.role === 'system' || !mayPlan(actor.role))
        throw new ForbiddenError(`a ${actor.role} reads plans but cannot commit or change them`);
      if (form.intent === 'commit')
        return { intent: form.intent, committed: await planning.commitPlan({ planId, actor }) };
      const { orderId, intent: _intent, ...adjustment } = form;
      await planning.adjustOrderForPlanning({
        actor,
        orderId,
        adjustment: adjustment as Parameters<typeof planning.adjustOrderForPlanning>[0]['adjustment'],
      });
      const outcome = await planning.runPlan({ actor, trigger: 'planner' });
      throw redirect(`/planning/${outcome.planId}?view=unplaced`);
    },
    () => ({ intent }),
  );
}

const LEVER_INTENTS = ['pin', 'rule-out', 'remove-lever'];
const LEVER_DONE: Record<string, string> = {
  pin: 'Pinned: every later plan run keeps these units there. Plan again to see it applied.',
  'rule-out': 'Ruled out: later plan runs give this line none of that workshop. Plan again to see it applied.',
  'remove-lever': 'Removed: later plan runs are free of it again.',
};

/** The answer to a lever form, for the levers panel; null when the last form sent was another. */
function leverMessage(result: { ok: boolean; intent?: string; error?: string } | undefined) {
  if (!result?.intent || !LEVER_INTENTS.includes(result.intent)) return null;
  return result.ok
    ? { ok: true, text: LEVER_DONE[result.intent] }
    : { ok: false, text: `Not saved: ${result.error ?? 'refused'}` };
}

export default function PlanPage() {
  const { plan, problems, stale, levers, canAct, canSetLevers } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const navigation = useNavigation();
  const { summary, diff } = plan;
  const dataChanges = useDataChangesSinceLoad(summary.id);
  const committing = navigation.formData?.get('intent') === 'commit';
  const leverAnswer = leverMessage(actionData);
  const counts: Record<PlanViewName, number> = {
    assignments: plan.counts.workshops,
    // Units, as the "Units unplaced" tile counts them.
    unplaced: summary.unplacedUnits,
    changes: plan.counts.changes,
  };

  return (
    <article className="plan-page" data-testid="plan-page" data-plan-id={summary.id} data-status={summary.status}>
      <p>
        <Link to="/planning">← All plans</Link>
      </p>
      <header className="plan-page__header">
        <h2>
          {summary.trigger === 'auto' ? 'Suggested plan' : 'Plan'} computed {formatNairobiTime(summary.createdAt)}{' '}
          <PlanStatusBadge status={summary.status} />
        </h2>
        <p className="muted">
          {planOrigin(summary)} · weeks {formatWeekRange(summary)} · {formatCount(summary.demandUnits)} open units
          {summary.committedAt
            ? ` · committed ${formatNairobiTime(summary.committedAt)}${summary.committedBy ? ` by ${summary.committedBy}` : ''}`
            : ''}
          {summary.supersededBy ? (
            <>
              {' · '}superseded by <Link to={`/planning/${summary.supersededBy}`}>a later plan</Link>
            </>
          ) : null}
        </p>
      </header>

      <PlanSummaryKpis summary={summary} />

      {summary.status !== 'superseded' ? (
        <CommitPanel
          summary={summary}
          canAct={canAct}
          stale={stale || (actionData?.ok === false && actionData.kind === 'StalePlanError')}
          error={actionData?.ok === false && !leverAnswer ? actionData.error : null}
          ordersPlanned={actionData?.ok && actionData.committed ? actionData.committed.ordersPlanned : null}
          dataChanges={summary.status === 'proposal' && !committing ? dataChanges : 0}
        />
      ) : null}

      {plan.replan ? <PlanReplanMoves replan={plan.replan} /> : null}

      <PlanLeversPanel
        levers={levers}
        conflicts={plan.pinConflicts}
        canSetLevers={canSetLevers}
        message={leverAnswer}
      />

      <section className="card" aria-labelledby="earnings-title">
        <h2 id="earnings-title">Earnings per capacity-hour by workshop (KES per free hour)</h2>
        <EarningsExplanation />
        <EarningsChart chart={plan.chart} />
      </section>

      <section className="card" aria-labelledby="tables-title">
        <h2 id="tables-title" className="visually-hidden">
          Proposal details
        </h2>
        {diff ? (
          <DiffSummary totals={diff.totals} baselineCommittedAt={diff.baselineCommittedAt} moves={plan.counts.moves} />
        ) : null}
        <PlanViewTabs
          view={plan.view}
          query={plan.query}
          problems={problems}
          counts={counts}
          showChanges={diff !== null}
        />
        {plan.view === 'assignments' ? (
          <PlanAssignmentsTable
            rows={plan.assignments}
            weeks={plan.weeks}
            canSetLevers={canSetLevers && summary.status === 'proposal'}
          />
        ) : null}
        {plan.view === 'unplaced' ? (
          <>
            {plan.unplacedByReason.length > 0 ? (
              <p className="muted">
                {plan.unplacedByReason
                  .map(
                    (entry) =>
                      `${unplacedReasonLabel(entry.reason)}: ${countOf(entry.units, 'unit')} on ${countOf(entry.lines, 'order line')}`,
                  )
                  .join(' · ')}
              </p>
            ) : null}
            <PlanUnplacedTable rows={plan.unplaced} canAct={canAct} />
          </>
        ) : null}
        {plan.view === 'changes' && diff ? (
          <PlanChangesTable rows={diff.changes} weeks={plan.weeks} moves={diff.moves} />
        ) : null}
        <Pagination page={plan.page} pageCount={plan.pageCount} total={plan.total} />
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="error-panel">
      <h2>{missing ? 'No such plan' : 'This plan cannot be shown'}</h2>
      <p>{missing ? 'It may have been mistyped, or removed.' : 'Something went wrong; it has been logged.'}</p>
      <p>
        <Link to="/planning">Back to planning</Link>
      </p>
    </section>
  );
}
