import { type CapacityAnswer } from '#server/capacity-check/answer-capacity-check';
import { SKILL_LABELS } from '#server/domain/skills';

import { formatCount, formatDay, formatKes, formatPercent } from '../../format';
import { KpiCard } from '../kpi-card';

/** The answer to "can we make these by that date?": headline, bottleneck, levers, effect, plan. */
export function CheckAnswer({ answer }: { answer: CapacityAnswer }) {
  const asked = answer.lines.reduce((sum, line) => sum + line.asked, 0);
  const made = answer.lines.reduce((sum, line) => sum + line.byDate, 0);
  const single = answer.lines.length === 1;
  return (
    <>
      <section className="card" aria-labelledby="answer-heading" data-testid="check-answer">
        <h2 id="answer-heading">
          {answer.allFit
            ? `Yes: all ${formatCount(asked)} by ${formatDay(answer.by)}`
            : `Not all: ${formatCount(made)} of ${formatCount(asked)} by ${formatDay(answer.by)}`}
        </h2>
        <div className="kpi-grid">
          <KpiCard
            label={single ? 'Most by the date' : 'Of the launch by the date'}
            value={formatCount(answer.mostByDate)}
            hint={single ? `${answer.lines[0].sku}, with every open order kept` : `of ${formatCount(asked)} asked`}
            tone={answer.allFit ? 'good' : 'warn'}
            testId="most-by-date"
          />
          <KpiCard
            label="Earliest date for all"
            value={answer.earliestDate ? formatDay(answer.earliestDate) : 'not by ' + formatDay(answer.horizonEnd)}
            hint="a week's work counts once the week is over"
            tone={answer.earliestDate && answer.earliestDate <= answer.by ? 'good' : 'warn'}
            testId="earliest-date"
          />
          <KpiCard
            label="Artisans' earnings"
            value={formatKes(answer.effect.earningsCents)}
            hint={`${formatCount(answer.effect.artisans)} artisans get work`}
            testId="effect-earnings"
          />
          <KpiCard
            label="Share going to women"
            value={answer.effect.womenShare === null ? '–' : formatPercent(answer.effect.womenShare)}
            hint="of those earnings"
            testId="effect-women"
          />
        </div>
        {answer.lines.length > 1 ? (
          <table className="data">
            <thead>
              <tr>
                <th>Product</th>
                <th className="num">Asked</th>
                <th className="num">By the date</th>
              </tr>
            </thead>
            <tbody>
              {answer.lines.map((line) => (
                <tr key={line.productId}>
                  <td>
                    {line.sku} <span className="muted">{line.name}</span>
                  </td>
                  <td className="num">{formatCount(line.asked)}</td>
                  <td className="num">{formatCount(line.byDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {answer.movedOrders.length > 0 ? (
          <MovedOrders orders={answer.movedOrders} title="Orders that would ship later" />
        ) : null}
      </section>

      <div className="check-columns">
        <section className="card" aria-labelledby="bottleneck-heading">
          <h2 id="bottleneck-heading">Bottleneck</h2>
          {answer.bottleneck ? (
            <p className="check-bottleneck" data-testid="bottleneck">
              {answer.bottleneck.text}
              {answer.bottleneck.binding ? '' : ' (busiest, but not in the way)'}
            </p>
          ) : (
            <p className="muted">Nothing can be made by this date: no week ends before it.</p>
          )}
          <h3>What would give more by the date</h3>
          {answer.levers.length > 0 ? (
            <table className="data" data-testid="levers">
              <thead>
                <tr>
                  <th>Lever</th>
                  <th className="num">More units</th>
                </tr>
              </thead>
              <tbody>
                {answer.levers.map((lever) => (
                  <tr key={lever.kind}>
                    <td>
                      {lever.text}
                      {lever.orders.length > 0 ? (
                        <MovedOrders orders={lever.orders} title="Orders that would move" />
                      ) : null}
                    </td>
                    <td className="num">{lever.extraUnits > 0 ? `+${formatCount(lever.extraUnits)}` : 'none'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No lever applies.</p>
          )}
        </section>

        <section className="card" aria-labelledby="plan-heading">
          <h2 id="plan-heading">The plan behind it</h2>
          {answer.plan.length > 0 ? (
            <table className="data" data-testid="check-plan">
              <thead>
                <tr>
                  <th>Week</th>
                  <th>Skill</th>
                  <th className="num">Hours</th>
                  <th>Units</th>
                </tr>
              </thead>
              <tbody>
                {answer.plan.map((row) => (
                  <tr key={`${row.week}-${row.skill}`}>
                    <td className="nowrap">{row.week}</td>
                    <td>{SKILL_LABELS[row.skill]}</td>
                    <td className="num">{formatCount(row.hours)}</td>
                    <td>{row.units.map((entry) => `${formatCount(entry.units)} × ${entry.sku}`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">Nothing fits by this date.</p>
          )}
        </section>
      </div>
    </>
  );
}

function MovedOrders({ orders, title }: { orders: CapacityAnswer['movedOrders']; title: string }) {
  return (
    <details className="check-moved" open={orders.length <= 5}>
      <summary>
        {title} ({formatCount(orders.length)})
      </summary>
      <ul>
        {orders.map((order) => (
          <li key={`${order.reference}-${order.sku}`}>
            {order.reference} ({order.sku}), ships by {formatDay(order.shipBy)}: {formatCount(order.lateHours)} h of it
            later
          </li>
        ))}
      </ul>
    </details>
  );
}
