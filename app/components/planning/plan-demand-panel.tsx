import { Form, useNavigation } from '@remix-run/react';

import { ProgressBar } from '../progress-bar';
import { PHASE_LABELS } from './plan-format';
import { usePlanProgress, type PlanProgressView } from './use-planning-live';

const STARTING: PlanProgressView = {
  planId: '',
  trigger: 'planner',
  phase: 'starting',
  percent: 0,
  message: 'sending the request',
};

/**
 * "Plan open demand": a plain form post, so it works without JavaScript (the page waits and
 * then shows the proposal). With JavaScript, the optimizer's progress arrives over the socket.
 * Also shows runs someone else (or the automatic re-planner) started.
 */
export function PlanDemandPanel({
  canAct,
  running,
  error,
}: {
  canAct: boolean;
  running: (PlanProgressView & { startedBy: string }) | null;
  error: string | null;
}) {
  const navigation = useNavigation();
  const submitting = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'plan';
  const progress = usePlanProgress(running);
  const finished = progress !== null && (progress.phase === 'done' || progress.phase === 'failed');
  const busy = submitting || (progress !== null && !finished);
  // While this page's own request is under way, the bar stays up until the proposal opens.
  const shown = progress && (!finished || submitting) ? progress : submitting ? STARTING : null;

  return (
    <section className="card plan-demand" aria-labelledby="plan-demand-title">
      <div className="plan-demand__row">
        <div>
          <h2 id="plan-demand-title">Plan open demand</h2>
          <p className="muted">
            Places every order unit no job covers yet on the workshops’ free capacity for this week and the next two.
            Nothing changes for artisans until a planner commits the proposal.
          </p>
        </div>
        {canAct ? (
          <Form method="post" action="/planning">
            <input type="hidden" name="intent" value="plan" />
            <button type="submit" className="button" disabled={busy} data-testid="plan-open-demand">
              {busy ? 'Planning…' : 'Plan open demand'}
            </button>
          </Form>
        ) : (
          <p className="badge">Read only: planners run and commit plans</p>
        )}
      </div>
      {shown ? (
        <div className="plan-demand__progress" data-testid="plan-progress" data-phase={shown.phase}>
          <ProgressBar fraction={shown.percent / 100} label={PHASE_LABELS[shown.phase] ?? shown.phase} />
          <p className="muted plan-demand__message">
            {shown.message}
            {shown.trigger === 'auto' ? ' · automatic re-plan' : ''}
            {running && !submitting && running.planId === shown.planId ? ` · started by ${running.startedBy}` : ''}
          </p>
        </div>
      ) : null}
      {error ? (
        <p className="notice notice--bad" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
