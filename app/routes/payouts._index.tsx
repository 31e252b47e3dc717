import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { PAYOUT_EVENTS } from '#server/domain/events';
import { PAYOUT_RUN_STATUS_LABELS } from '#server/domain/payout-status';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { formatCount, formatDay, formatKes, formatNairobiTime } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, runAction } from '../route-input.server';

export const meta: MetaFunction = () => [{ title: 'Payouts · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'payouts');
  const { payouts } = args.context;
  const [runs, due, reconciliation] = await answerDomainErrors(() =>
    Promise.all([payouts.listPayoutRuns(), payouts.countPaymentsDue(), payouts.readPayoutReconciliation()]),
  );
  return { provider: payouts.provider, runs, due, reconciliation };
}

/** Gathers the payments due into a new run for review. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'payouts');
    const run = await args.context.payouts.gatherPayoutRun({ actor });
    return { runId: String(run._id), payouts: run.payoutCount };
  });
}

const shillings = (whole: number) => formatKes(whole * 100);

/** Managers' payouts: what is due, the runs and how they stand, and the daily reconciliation. */
export default function Payouts() {
  const { provider, runs, due, reconciliation } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const navigation = useNavigation();
  useLiveRevalidation(PAYOUT_EVENTS);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Payouts</h1>
          <p>
            Artisans are paid by M-Pesa for work that passed QC: payments due are gathered into a run, one transfer per
            artisan; a manager approves the run, then Kiwanda sends each transfer. M-Pesa pays whole shillings, so each
            transfer is rounded up to the next shilling, in the artisan&apos;s favour (at most KES 0.99).
          </p>
        </div>
      </header>

      {provider.enabled ? null : (
        <p className="notice notice--bad" role="alert" data-testid="provider-off">
          {provider.reason} Runs can be gathered and approved, but nothing is sent until M-Pesa is configured.
        </p>
      )}

      <section className="card" aria-labelledby="due">
        <h2 id="due">Due now</h2>
        <p>
          {formatCount(due.payments)} payments ({formatKes(due.amountCents)}) are waiting for a run
          {due.passedJobs > 0
            ? `, and ${formatCount(due.passedJobs)} jobs passed QC are not yet priced into payments`
            : ''}
          .
        </p>
        {result?.ok === false ? <p className="notice notice--bad">{result.error}</p> : null}
        {result?.ok === true ? (
          <p className="notice notice--good" role="status">
            Gathered {formatCount(result.payouts)} payouts. <Link to={`/payouts/${result.runId}`}>Review the run</Link>.
          </p>
        ) : null}
        <Form method="post">
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            Gather a payout run
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="runs">
        <h2 id="runs">Runs</h2>
        {runs.length === 0 ? (
          <p className="muted">No payout run yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data" data-testid="payout-runs">
              <thead>
                <tr>
                  <th scope="col">Gathered</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Payouts
                  </th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col" className="num">
                    Paid
                  </th>
                  <th scope="col" className="num">
                    Failed
                  </th>
                  <th scope="col" className="num">
                    Open
                  </th>
                  <th scope="col">Approved by</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <td>
                      <Link to={`/payouts/${run.id}`}>{formatNairobiTime(run.gatheredAt)}</Link>
                    </td>
                    <td>{PAYOUT_RUN_STATUS_LABELS[run.status]}</td>
                    <td className="num">{formatCount(run.payoutCount)}</td>
                    <td className="num nowrap">{shillings(run.shillings)}</td>
                    <td className="num">{formatCount(run.states.paid)}</td>
                    <td className="num">{formatCount(run.states.failed)}</td>
                    <td className="num">
                      {formatCount(run.states.pending + run.states.submitted + run.states.unknown)}
                    </td>
                    <td>{run.approvedBy ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="reconciliation">
        <h2 id="reconciliation">Daily reconciliation</h2>
        <p className="muted">
          Runs approved each day (Nairobi) against M-Pesa&apos;s results: paid has a receipt, failed a result code, open
          is still awaiting M-Pesa. Unaccounted must be zero.
        </p>
        {reconciliation.length === 0 ? (
          <p className="muted">No run was approved in the last 14 days.</p>
        ) : (
          <div className="table-scroll">
            <table className="data" data-testid="reconciliation">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col" className="num">
                    Runs
                  </th>
                  <th scope="col" className="num">
                    Payouts
                  </th>
                  <th scope="col" className="num">
                    Approved
                  </th>
                  <th scope="col" className="num">
                    Paid
                  </th>
                  <th scope="col" className="num">
                    Receipts
                  </th>
                  <th scope="col" className="num">
                    Failed
                  </th>
                  <th scope="col" className="num">
                    Open
                  </th>
                  <th scope="col" className="num">
                    Unaccounted
                  </th>
                </tr>
              </thead>
              <tbody>
                {reconciliation.map((day) => (
                  <tr key={day.day}>
                    <td className="nowrap">{formatDay(day.day)}</td>
                    <td className="num">{formatCount(day.runs)}</td>
                    <td className="num">{formatCount(day.payouts)}</td>
                    <td className="num nowrap">{shillings(day.approvedShillings)}</td>
                    <td className="num nowrap">{shillings(day.paidShillings)}</td>
                    <td className="num">{formatCount(day.receipts)}</td>
                    <td className="num nowrap">{shillings(day.failedShillings)}</td>
                    <td className="num nowrap">{shillings(day.openShillings)}</td>
                    <td className={day.unaccounted === 0 ? 'num' : 'num badge--bad'}>{shillings(day.unaccounted)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/" backLabel="Back to your start page" />;
}
