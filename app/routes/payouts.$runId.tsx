import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { PAYOUT_EVENTS } from '#server/domain/events';
import { PAYOUT_RUN_STATUS_LABELS } from '#server/domain/payout-status';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { PayoutStateBadge } from '../components/payouts/payout-state-badge';
import { formatCount, formatKes, formatKesExact, formatNairobiTime } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseForm, parseParams, runAction } from '../route-input.server';

export const meta: MetaFunction = () => [{ title: 'Payout run · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'payouts');
  const { runId } = parseParams(args.params, args.context.payouts.forms.PayoutRunParams);
  const detail = await answerDomainErrors(() => args.context.payouts.readPayoutRun({ runId }));
  return { ...detail, provider: args.context.payouts.provider };
}

export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'payouts');
    const { payouts } = args.context;
    const { runId } = parseParams(args.params, payouts.forms.PayoutRunParams);
    const form = await parseForm(args.request, payouts.forms.PayoutRunForm);
    if (form.intent === 'approve') await payouts.approvePayoutRun({ actor, runId });
    else if (form.intent === 'cancel') await payouts.cancelPayoutRun({ actor, runId });
    else await payouts.retryPayout({ actor, payoutId: form.payoutId });
    return { done: form.intent };
  });
}

const DONE_WORDS = { approve: 'Approved: the payouts are being sent.', cancel: 'Run cancelled.', retry: 'Sent again.' };

/** One run: each artisan's payout, its state and M-Pesa's result in words, failures and retries. */
export default function PayoutRun() {
  const { run, payouts, provider } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  useLiveRevalidation(PAYOUT_EVENTS);
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to="/payouts">Payouts</Link>
          </p>
          <h1>
            Payout run of {formatNairobiTime(run.gatheredAt)}{' '}
            <span className="badge" data-testid="run-status">
              {PAYOUT_RUN_STATUS_LABELS[run.status]}
            </span>
          </h1>
          <p>
            {formatCount(run.payoutCount)} payouts for {formatCount(run.paymentCount)} payments:{' '}
            {formatKesExact(run.amountCents)} owed, {formatKes(run.shillings * 100)} sent in whole shillings (rounded up
            per payout). Gathered by {run.gatheredBy}
            {run.approvedBy && run.approvedAt
              ? `; approved by ${run.approvedBy}, ${formatNairobiTime(run.approvedAt)}`
              : ''}
            .
          </p>
        </div>
      </header>

      {provider.enabled ? null : <p className="notice notice--bad">{provider.reason}</p>}
      {result?.ok === false ? <p className="notice notice--bad">{result.error}</p> : null}
      {result?.ok === true ? (
        <p className="notice notice--good" role="status">
          {DONE_WORDS[result.done]}
        </p>
      ) : null}

      {run.status === 'awaiting_approval' ? (
        <section className="card" aria-labelledby="review">
          <h2 id="review">Review and approve</h2>
          <p>Check each artisan&apos;s amount and number below. Once approved, every payout is sent by M-Pesa.</p>
          <Form method="post">
            <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
              Approve and pay {formatKes(run.shillings * 100)}
            </button>{' '}
            <button type="submit" name="intent" value="cancel" className="button button--quiet" disabled={busy}>
              Cancel run
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="payouts">
        <h2 id="payouts">Payouts</h2>
        <div className="table-scroll">
          <table className="data" data-testid="payouts">
            <thead>
              <tr>
                <th scope="col">Payee</th>
                <th scope="col">M-Pesa number</th>
                <th scope="col" className="num">
                  Payments
                </th>
                <th scope="col" className="num">
                  Owed
                </th>
                <th scope="col" className="num">
                  Sent
                </th>
                <th scope="col">State</th>
                <th scope="col">Receipt or result</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {payouts.map((payout) => (
                <tr key={payout.id} data-testid="payout-row">
                  <td>
                    {payout.payeeName}
                    {payout.payeeKind === 'workshop' ? <span className="muted"> (workshop)</span> : null}
                  </td>
                  <td className="nowrap">{payout.phone}</td>
                  <td className="num">{formatCount(payout.payments)}</td>
                  <td className="num nowrap">{formatKesExact(payout.amountCents)}</td>
                  <td className="num nowrap">
                    {formatKes(payout.shillings * 100)}
                    {payout.roundingCents > 0 ? <span className="muted"> (+{payout.roundingCents} cents)</span> : null}
                  </td>
                  <td>{payout.latest ? <PayoutStateBadge state={payout.latest.status} /> : '—'}</td>
                  <td>
                    {payout.latest?.receipt ? <code data-testid="receipt">{payout.latest.receipt}</code> : null}
                    {payout.latest?.status === 'failed' ? (
                      <>
                        {payout.latest.result} <span className="muted">(code {payout.latest.resultCode})</span>
                      </>
                    ) : null}
                    {payout.latest &&
                    !payout.latest.receipt &&
                    payout.latest.status !== 'failed' &&
                    payout.latest.lastError ? (
                      <span className="muted">{payout.latest.lastError}</span>
                    ) : null}
                    {payout.earlier.length > 0 ? (
                      <ul className="muted">
                        {payout.earlier.map((attempt) => (
                          <li key={attempt.number}>
                            Attempt {attempt.number} to {attempt.phone}: {attempt.result ?? attempt.statusLabel}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td className="num">{formatCount(payout.latest?.number ?? 0)}</td>
                  <td>
                    {payout.latest?.status === 'failed' ? (
                      <Form method="post">
                        <input type="hidden" name="payoutId" value={payout.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="retry"
                          className="button button--quiet"
                          disabled={busy}
                        >
                          Send again
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          Unknown means M-Pesa&apos;s result was lost or timed out: Kiwanda asks M-Pesa&apos;s Transaction Status before
          anything else, and a payout is only sent again once M-Pesa has confirmed it failed.
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/payouts" backLabel="Back to payouts" />;
}
