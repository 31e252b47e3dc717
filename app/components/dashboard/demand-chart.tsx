import { useEffect, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';

import type { DemandCapacity } from '#server/dashboard/compute-demand-capacity';

import { formatCount } from '../../format';
import { demandChartData } from './demand-chart-rows';

/** Axis labels stay short: 7.5k, 60k. */
function compactHours(hours: number): string {
  if (hours >= 10_000) return `${formatCount(Math.round(hours / 1000))}k`;
  if (hours >= 1_000) return `${(hours / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return formatCount(hours);
}

/**
 * Demand against capacity per week, in hours: stacked bars of demand, a line of capacity.
 * Drawn in the browser only (it measures its container); the table under it carries the same
 * figures for a page read without JavaScript.
 */
export function DemandChart({ demand }: { demand: DemandCapacity }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const { series, rows } = demandChartData(demand);

  if (!mounted) {
    return (
      <div className="chart-frame chart-frame--placeholder" data-testid="demand-chart-placeholder">
        {/* Without scripts the chart never comes: the placeholder shrinks to a line instead of holding its space. */}
        <noscript>
          <style>{'.chart-frame--placeholder { height: auto; padding: 0.75rem; }'}</style>
        </noscript>
        The chart needs JavaScript; the table below has the same figures.
      </div>
    );
  }
  return (
    <div
      className="chart-frame"
      data-testid="demand-chart"
      role="img"
      aria-label="Demand against capacity per week, in hours"
    >
      <ComposedChart
        responsive
        data={rows}
        margin={{ top: 8, right: 12, bottom: 0, left: 4 }}
        style={{ width: '100%', height: '100%' }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="week" tickFormatter={(week: string) => week.slice(5)} />
        <YAxis tickFormatter={compactHours} width={48} />
        <Tooltip formatter={(value) => `${formatCount(Number(value))} h`} />
        <Legend wrapperStyle={{ fontSize: '0.8rem' }} />
        {series.map((entry) => (
          <Bar
            key={entry.key}
            dataKey={entry.key}
            name={entry.label}
            stackId="demand"
            fill={entry.color}
            isAnimationActive={false}
          />
        ))}
        <Line
          dataKey="capacity"
          name="Capacity"
          type="linear"
          stroke="#1f1a14"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
