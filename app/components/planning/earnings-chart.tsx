import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

import { formatKes } from '../../format';

export interface EarningsRate {
  code: string;
  centsPerHour: number;
  earningsCents: number;
  capacityHours: number;
}

const CHART_HEIGHT = 260;
const LISTED = 5;

/**
 * Earnings per capacity-hour by workshop, highest first: a fair plan is a flat line. The
 * highest and lowest workshops are also listed as text, which reads without JavaScript and
 * for screen readers.
 */
export function EarningsChart({ rates }: { rates: EarningsRate[] }) {
  if (rates.length === 0)
    return <p className="muted">This plan has no capacity snapshot to measure earnings against.</p>;
  const data = rates.map((rate) => ({ ...rate, kesPerHour: rate.centsPerHour / 100 }));
  const listed = rates.length <= LISTED * 2 ? rates : [...rates.slice(0, LISTED), ...rates.slice(-LISTED)];
  return (
    <div className="earnings-chart" data-testid="earnings-chart">
      <BarChart
        responsive
        data={data}
        style={{ width: '100%', height: CHART_HEIGHT }}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        barCategoryGap={1}
      >
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis
          dataKey="code"
          tick={false}
          label={{ value: `${rates.length} workshops, highest to lowest`, position: 'insideBottom', offset: -2 }}
          height={28}
        />
        <YAxis tickFormatter={(value: number) => `${Math.round(value)}`} width={44} />
        <Tooltip
          formatter={(value) => [`${formatKes(Number(value) * 100)} per hour`, 'Earnings']}
          labelFormatter={(label) => `Workshop ${String(label)}`}
        />
        <Bar dataKey="kesPerHour" fill="#b45309" isAnimationActive={false} />
      </BarChart>
      <div className="table-scroll">
        <table className="data earnings-chart__extremes">
          <caption>Highest and lowest earnings per capacity-hour</caption>
          <thead>
            <tr>
              <th>Workshop</th>
              <th className="num">Per capacity-hour</th>
              <th className="num">Earnings</th>
              <th className="num">Free hours</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((rate, index) => (
              <tr
                key={rate.code}
                className={index === LISTED && rates.length > LISTED * 2 ? 'earnings-chart__gap' : undefined}
              >
                <td>{rate.code}</td>
                <td className="num">{formatKes(rate.centsPerHour)}</td>
                <td className="num">{formatKes(rate.earningsCents)}</td>
                <td className="num">{rate.capacityHours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
