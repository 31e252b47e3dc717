import { type PlacementLedger } from './placement-ledger';
import { type EarningsBalance, type PlanMetrics } from './types';

// Plan metrics. A workshop is eligible for the earnings balance when it has capacity in a week
// that some open job sharing one of its skills may use; its earnings per capacity-hour divide by
// those usable hours only (capacity no job could ever use says nothing about fairness).

export function measurePlan({ ledger, solveMs }: { ledger: PlacementLedger; solveMs: number }): PlanMetrics {
  const { jobs, workshops, weeks, usableMinutes } = ledger.instance;
  const unitsDemanded = jobs.reduce((sum, facts) => sum + facts.job.quantity, 0);
  const unitsOnTime = jobs.reduce((sum, _, j) => sum + ledger.placed(j), 0);
  const utilisation: Record<string, number[]> = {};
  const earningsCents: Record<string, number> = {};
  const rates: number[] = [];
  workshops.forEach((workshop, w) => {
    utilisation[workshop.id] = Array.from({ length: weeks }, (_, t) => {
      const capacity = workshop.capacityMinutes[t];
      return capacity > 0 ? round(Math.min(1, (capacity - ledger.free(w, t)) / capacity), 4) : 0;
    });
    earningsCents[workshop.id] = Math.round(ledger.earned(w));
    if (usableMinutes[w] > 0) rates.push(ledger.earned(w) / (usableMinutes[w] / 60));
  });
  return {
    unitsOnTime,
    unitsDemanded,
    fulfilment: unitsDemanded > 0 ? round(unitsOnTime / unitsDemanded, 6) : 1,
    solveMs,
    utilisation,
    earningsCents,
    earningsPerCapacityHour: measureBalance(rates),
  };
}

export function measureBalance(rates: number[]): EarningsBalance {
  if (rates.length === 0) return { maxOverMin: 1, gini: 0 };
  const sorted = [...rates].sort((a, b) => a - b);
  const lowest = sorted[0];
  const highest = sorted[sorted.length - 1];
  const maxOverMin = highest === 0 ? 1 : lowest === 0 ? null : round(highest / lowest, 4);
  return { maxOverMin, gini: round(gini(sorted), 4) };
}

/** Gini coefficient of ascending values: Σ (2i − n − 1)·x_i / (n · Σ x). */
function gini(ascending: number[]): number {
  const n = ascending.length;
  const total = ascending.reduce((sum, x) => sum + x, 0);
  if (total === 0) return 0;
  const weighted = ascending.reduce((sum, x, i) => sum + (2 * (i + 1) - n - 1) * x, 0);
  return weighted / (n * total);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
