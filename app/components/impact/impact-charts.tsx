import { useEffect, useState, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

import type { ImpactTable } from '#server/impact/impact-tables';

import { formatCount, formatKes } from '../../format';

const COLORS = { women: '#b5651d', men: '#3b6e8f', other: '#7a8b5a', all: '#1f1a14' };

/** Axis money stays short: KES 12k. */
const compactKes = (cents: number) =>
  cents >= 10_000_00 ? `${formatCount(Math.round(cents / 100_000))}k` : formatCount(Math.round(cents / 100));

/**
 * A chart drawn in the browser only (Recharts measures its container); without JavaScript the
 * table beside it has the same figures.
 */
function ClientChart({ label, testId, children }: { label: string; testId: string; children: ReactElement }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted)
    return (
      <div className="chart-frame chart-frame--placeholder impact-chart">
        <noscript>
          <style>{'.chart-frame--placeholder { height: auto; padding: 0.75rem; }'}</style>
        </noscript>
        The chart needs JavaScript; the table has the same figures.
      </div>
    );
  return (
    <div className="chart-frame impact-chart" role="img" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}

const numberAt = (row: ImpactTable['rows'][number], index: number) => Number(row.cells[index] ?? 0);

/** Artisans per monthly-earnings bucket, stacked by gender. */
export function DistributionChart({ table }: { table: ImpactTable }) {
  const rows = table.rows.map((row) => ({
    bucket: `${compactKes(numberAt(row, 0))}${row.cells[1] === null ? '+' : ''}`,
    Women: numberAt(row, 2),
    Men: numberAt(row, 3),
    Other: numberAt(row, 4),
  }));
  return (
    <ClientChart label="Artisans by monthly earnings in KES, by gender" testId="impact-distribution-chart">
      <BarChart responsive data={rows} style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="bucket" />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: '0.8rem' }} />
        <Bar dataKey="Women" stackId="g" fill={COLORS.women} isAnimationActive={false} />
        <Bar dataKey="Men" stackId="g" fill={COLORS.men} isAnimationActive={false} />
        <Bar dataKey="Other" stackId="g" fill={COLORS.other} isAnimationActive={false} />
      </BarChart>
    </ClientChart>
  );
}

/** Pay per month over the 12 months ending with the period. */
export function TrendChart({ table }: { table: ImpactTable }) {
  const rows = table.rows.map((row) => ({ month: String(row.cells[0]), paid: numberAt(row, 1) }));
  return (
    <ClientChart label="Total paid per month in KES" testId="impact-trend-chart">
      <LineChart
        responsive
        data={rows}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 12, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tickFormatter={(month: string) => month.slice(2)} />
        <YAxis tickFormatter={compactKes} width={56} />
        <Tooltip formatter={(value) => formatKes(Number(value))} />
        <Line dataKey="paid" name="Total paid" stroke={COLORS.women} strokeWidth={2} isAnimationActive={false} />
      </LineChart>
    </ClientChart>
  );
}

/** Median monthly earnings by area, or any one money column of a table by its first column. */
export function MoneyByRowChart({ table, column, label }: { table: ImpactTable; column: number; label: string }) {
  const rows = table.rows.map((row) => ({ name: String(row.cells[0]), value: numberAt(row, column) }));
  return (
    <ClientChart label={label} testId={`impact-${table.id}-chart`}>
      <BarChart
        responsive
        data={rows}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 8, left: 24 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="name"
          interval={0}
          angle={rows.length > 6 ? -30 : 0}
          textAnchor={rows.length > 6 ? 'end' : 'middle'}
          // Room for the longest area name ("Mukuru kwa Njenga") slanted.
          height={rows.length > 6 ? 96 : 30}
        />
        <YAxis tickFormatter={compactKes} width={56} />
        <Tooltip formatter={(value) => formatKes(Number(value))} />
        <Bar dataKey="value" name={label} fill={COLORS.men} isAnimationActive={false} />
      </BarChart>
    </ClientChart>
  );
}
