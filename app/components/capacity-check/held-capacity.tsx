import { Form, useLocation } from '@remix-run/react';

import { type HoldSummary } from '#server/capacity-check/summarise-holds';
import { SKILL_LABELS } from '#server/domain/skills';

import { formatCount, formatDay, formatNairobiTime } from '../../format';

/**
 * Designers' capacity holds: what is held, for when, until when, and the hours it keeps by skill
 * and week. Planners see it beside their plans; designers may launch a hold from it. Whoever may
 * release a hold (see mayReleaseHold) gets a button for it, which comes back to `returnTo`.
 */
export function HeldCapacity({
  holds,
  canLaunch = false,
  returnTo,
}: {
  holds: HoldSummary[];
  canLaunch?: boolean;
  returnTo: '/design/check' | '/planning';
}) {
  const withActions = canLaunch || holds.some((hold) => hold.mayRelease);
  // Back to this page as it is (the designer's question with it), less an earlier release's note.
  const search = new URLSearchParams(useLocation().search);
  search.delete('released');
  const back = `${returnTo}${search.size > 0 ? `?${search}` : ''}`;
  return (
    <section className="card" aria-labelledby="holds-heading" data-testid="capacity-holds">
      <h2 id="holds-heading">Capacity held for launches</h2>
      {holds.length === 0 ? (
        <p className="muted">No capacity is held: every free hour is open to orders.</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th>Hold</th>
                <th>Products</th>
                <th>Ships by</th>
                <th>Held until</th>
                <th>Hours kept</th>
                {withActions ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {holds.map((hold) => (
                <tr key={hold.id}>
                  <td className="nowrap">
                    {hold.reference}
                    <div className="muted">{hold.heldBy}</div>
                  </td>
                  <td>{hold.lines.map((line) => `${formatCount(line.quantity)} × ${line.sku}`).join(', ')}</td>
                  <td className="nowrap">{formatDay(hold.shipBy)}</td>
                  <td className="nowrap">{formatNairobiTime(hold.expiresAt)}</td>
                  <td>
                    {hold.hours.map((entry) => (
                      <div key={`${entry.week}-${entry.skill}`} className="nowrap">
                        {entry.week} · {SKILL_LABELS[entry.skill]}: {formatCount(entry.hours)} h
                      </div>
                    ))}
                  </td>
                  {withActions ? (
                    <td>
                      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem' }}>
                        {canLaunch ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="launch" />
                            <input type="hidden" name="holdId" value={hold.id} />
                            <button type="submit" className="button">
                              Launch: create the order
                            </button>
                          </Form>
                        ) : null}
                        {hold.mayRelease ? (
                          <Form method="post" action={`/design/holds/${hold.id}/release`}>
                            <input type="hidden" name="returnTo" value={back} />
                            <button
                              type="submit"
                              className="button button--quiet"
                              aria-label={`Release ${hold.reference}`}
                            >
                              Release
                            </button>
                          </Form>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
