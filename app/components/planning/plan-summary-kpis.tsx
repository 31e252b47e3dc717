import type { PlanSummary } from '#server/planning/plan-summary';

import { formatCount, formatKes } from '../../format';
import { KpiCard } from '../kpi-card';
import { countOf, describeSolve, formatDuration, formatFulfilment } from './plan-format';

/** The proposal at a glance: how much it places, how fast it was found, how fairly it pays. */
export function PlanSummaryKpis({ summary }: { summary: PlanSummary }) {
  const fulfilmentTone = summary.fulfilment >= 0.98 ? 'good' : summary.fulfilment >= 0.9 ? 'warn' : 'bad';
  const ratio = summary.earningsMaxOverMin;
  return (
    <div className="kpi-grid" data-testid="plan-summary">
      <KpiCard
        label="Fulfilment"
        value={formatFulfilment(summary.fulfilment)}
        tone={fulfilmentTone}
        hint={`of ${formatCount(summary.demandUnits)} open units`}
        testId="kpi-fulfilment"
      />
      <KpiCard
        label="Units placed"
        value={formatCount(summary.placedUnits)}
        hint={
          summary.jobsProposed !== null
            ? `${countOf(summary.jobsProposed, 'job')} for ${countOf(summary.workshopsUsed ?? 0, 'workshop')}`
            : undefined
        }
        testId="kpi-placed"
      />
      <KpiCard
        label="Units unplaced"
        value={formatCount(summary.unplacedUnits)}
        tone={summary.unplacedUnits > 0 ? 'warn' : 'good'}
        hint="reasons and fixes below"
        testId="kpi-unplaced"
      />
      <KpiCard
        label="Solve time"
        value={summary.solveMs !== null ? formatDuration(summary.solveMs) : '—'}
        hint={describeSolve(summary.optimizerStatus, summary.solveMs)}
        testId="kpi-solve"
      />
      <KpiCard
        label="Earnings per capacity-hour"
        value={
          summary.maxEarningsPerCapacityHourCents !== null
            ? `${formatKes(summary.minEarningsPerCapacityHourCents ?? 0)}–${formatCount(Math.round(summary.maxEarningsPerCapacityHourCents / 100))}`
            : '—'
        }
        hint={`pay per free hour, lowest to highest workshop${ratio !== null ? ` (${ratio.toFixed(2)}×)` : ''}; piece rates differ by skill (see below)${summary.earningsGini !== null ? ` · Gini ${summary.earningsGini.toFixed(2)}` : ''}`}
        testId="kpi-earnings-rate"
      />
    </div>
  );
}
