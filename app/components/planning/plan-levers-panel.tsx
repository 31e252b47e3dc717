import { Form, Link } from '@remix-run/react';

import type { PlanLeverRow } from '#server/planning/levers/list-plan-levers';
import type { PinConflictRow } from '#server/planning/levers/pin-conflict-rows';

import { formatCount, formatNairobiTime } from '../../format';

/**
 * The planners' levers: every pin and ruled-out workshop kept for later plan runs (with whether
 * the next run applies it, and "Remove"), the pins this plan could not keep with the optimizer's
 * explanation, and the answer to the last lever form sent.
 */
export function PlanLeversPanel({
  levers,
  conflicts,
  canSetLevers,
  message,
}: {
  levers: PlanLeverRow[];
  conflicts: PinConflictRow[];
  canSetLevers: boolean;
  message: { ok: boolean; text: string } | null;
}) {
  return (
    <section className="card plan-levers" aria-labelledby="levers-title" data-testid="plan-levers">
      <h2 id="levers-title">Pins and ruled-out workshops</h2>
      {message ? (
        <p
          className={message.ok ? 'notice notice--good' : 'notice notice--bad'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="lever-message"
        >
          {message.text}
        </p>
      ) : null}
      {conflicts.length > 0 ? (
        <div className="notice notice--bad" data-testid="pin-conflicts">
          <p>
            <strong>This plan could not keep {formatCount(conflicts.length)} of the pins</strong> and was made without
            them:
          </p>
          <ul>
            {conflicts.map((conflict, index) => (
              <li key={`${conflict.reference}-${conflict.sku}-${conflict.workshopCode}-${conflict.week}-${index}`}>
                {formatCount(conflict.quantity)} × {conflict.sku} for {conflict.reference} in {conflict.workshopCode},{' '}
                {conflict.week}: <strong>{conflict.reason}</strong> — {conflict.detail}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {levers.length === 0 ? (
        <p className="muted">
          None.{' '}
          {canSetLevers ? 'Open a workshop below to pin one of its lines or rule a workshop out for a line; ' : ''}
          every later plan run keeps them.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="levers-table">
            <thead>
              <tr>
                <th scope="col">Lever</th>
                <th scope="col">Order line</th>
                <th scope="col">Workshop</th>
                <th scope="col">Week</th>
                <th scope="col" className="num">
                  Units
                </th>
                <th scope="col">Set by</th>
                <th scope="col">Next plan run</th>
                {canSetLevers ? <th scope="col">Remove</th> : null}
              </tr>
            </thead>
            <tbody>
              {levers.map((lever) => (
                <tr key={lever.id} data-testid="lever-row" data-kind={lever.kind}>
                  <td>
                    <span className={lever.kind === 'pin' ? 'badge badge--pin' : 'badge badge--bad'}>
                      {lever.kind === 'pin' ? 'pinned' : 'ruled out'}
                    </span>
                  </td>
                  <th scope="row">
                    <Link to={`/orders/${lever.orderId}`}>{lever.reference}</Link> · {lever.sku}
                  </th>
                  <td>{lever.workshopCode}</td>
                  <td>{lever.week ?? <span className="muted">any</span>}</td>
                  <td className="num">{lever.quantity !== null ? formatCount(lever.quantity) : '–'}</td>
                  <td>
                    {lever.setBy}
                    <div className="muted">{formatNairobiTime(lever.setAt)}</div>
                  </td>
                  <td>{lever.idle ? <span className="muted">not applied: {lever.idle}</span> : 'applied'}</td>
                  {canSetLevers ? (
                    <td>
                      <Form method="post" preventScrollReset>
                        <input type="hidden" name="intent" value="remove-lever" />
                        <input type="hidden" name="leverId" value={lever.id} />
                        <button type="submit" className="button button--quiet" data-testid="remove-lever">
                          Remove
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!canSetLevers ? <p className="muted">Planners and admins set pins; you can read them.</p> : null}
    </section>
  );
}
