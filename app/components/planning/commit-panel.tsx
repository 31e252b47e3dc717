import { Form, useNavigation } from '@remix-run/react';

import type { PlanSummary } from '#server/planning/plan-summary';

import { formatNairobiTime } from '../../format';
import { ProgressBar } from '../progress-bar';
import { countOf } from './plan-format';
import { useCommitProgress } from './use-planning-live';

const STALE_NOTICE =
  'Orders or capacity changed since this proposal was computed; committing it would be refused. Re-plan to get a current proposal.';

/**
 * Commit turns the proposal into job offers. What it shows comes from the loader (the plan's
 * status, whether its data has moved on), so it survives the live reloads that follow a commit;
 * the action's own answer only adds its details (why a commit was refused, orders planned).
 */
export function CommitPanel({
  summary,
  canAct,
  stale,
  error,
  ordersPlanned,
  dataChanges,
}: {
  summary: PlanSummary;
  /** The signed-in person may commit plans. */
  canAct: boolean;
  stale: boolean;
  error: string | null;
  ordersPlanned: number | null;
  dataChanges: number;
}) {
  const navigation = useNavigation();
  const committing = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'commit';
  const replanning = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'plan';
  const jobs = summary.jobsProposed ?? 0;
  const workshops = summary.workshopsUsed ?? 0;

  const progress = useCommitProgress(summary.id);
  const showProgress = progress !== null && (committing || progress.phase === 'committing');

  if (summary.status === 'committed') {
    const committed = summary.committed ?? { jobs: 0, units: 0, workshops: 0 };
    return (
      <section className="card commit-panel" aria-labelledby="commit-title" data-testid="commit-panel">
        <h2 id="commit-title">Committed</h2>
        <p className="notice notice--good" role="status" data-testid="commit-result">
          Committed: {countOf(committed.jobs, 'job')} ({countOf(committed.units, 'unit')}) offered to{' '}
          {countOf(committed.workshops, 'workshop')}
          {summary.committedAt ? ` on ${formatNairobiTime(summary.committedAt)}` : ''}
          {summary.committedBy ? ` by ${summary.committedBy}` : ''}
          {ordersPlanned !== null ? `; ${countOf(ordersPlanned, 'order is', 'orders are')} now fully planned` : ''}.
          Their artisans have been notified.
        </p>
      </section>
    );
  }

  return (
    <section className="card commit-panel" aria-labelledby="commit-title" data-testid="commit-panel">
      <h2 id="commit-title">Commit</h2>
      {stale ? (
        <div className="notice notice--bad" role="alert" data-testid="commit-error">
          <p>{error ?? STALE_NOTICE}</p>
          {canAct ? (
            <Form method="post" action="/planning">
              <input type="hidden" name="intent" value="plan" />
              <button type="submit" className="button" disabled={replanning} data-testid="replan-now">
                {replanning ? 'Re-planning…' : 'Re-plan now'}
              </button>
            </Form>
          ) : null}
        </div>
      ) : error ? (
        <p className="notice notice--bad" role="alert" data-testid="commit-error">
          {error}
        </p>
      ) : null}
      {!stale && !committing && dataChanges > 0 ? (
        <p className="notice" role="status" data-testid="data-changed">
          Orders, jobs or capacity changed {dataChanges === 1 ? 'once' : `${dataChanges} times`} since this page loaded.
          If that was after this proposal was computed, committing it will be refused: re-plan to be sure.
        </p>
      ) : null}
      {canAct ? (
        <Form method="post" className="commit-panel__form">
          <input type="hidden" name="intent" value="commit" />
          {/* A stale proposal would only be refused again: re-planning is the way on. */}
          <button
            type="submit"
            className={stale ? 'button button--quiet' : 'button'}
            disabled={committing || jobs === 0 || stale}
            data-testid="commit-plan"
          >
            {committing
              ? 'Committing…'
              : jobs === 0
                ? 'Nothing to commit'
                : `Commit: offer ${countOf(jobs, 'job')} to ${countOf(workshops, 'workshop')}`}
          </button>
          <span className="muted">All jobs are created together, or none are.</span>
        </Form>
      ) : null}
      {canAct && showProgress ? (
        <div className="plan-demand__progress" data-testid="commit-progress" data-phase={progress.phase}>
          <ProgressBar fraction={progress.percent / 100} label="Committing" />
          <p className="muted plan-demand__message">{progress.message}</p>
        </div>
      ) : null}
      {!canAct ? <p className="muted">Only planners commit plans; you can read this proposal.</p> : null}
    </section>
  );
}
