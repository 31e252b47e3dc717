import { formatCount, formatPercent } from '../../format';
import { toHours } from './labels';

/**
 * Committed minutes against capacity for one week, as a percentage with a small bar. A week whose
 * working time is over (a weekend's current week) offers nothing more; it says so instead of
 * showing its work as over capacity.
 */
export function LoadMeter({
  week,
  capacityMinutes,
  committedMinutes,
  over = false,
}: {
  week: string;
  capacityMinutes: number;
  committedMinutes: number;
  over?: boolean;
}) {
  if (over) {
    const label = `${week}: working time over; ${formatCount(toHours(committedMinutes))} h were planned`;
    return (
      <div className="load load--ended" title={label} aria-label={label}>
        <span className="muted">{week.slice(5)}</span> week over
        <div className="load__bar" aria-hidden="true" />
      </div>
    );
  }
  const share = capacityMinutes > 0 ? committedMinutes / capacityMinutes : committedMinutes > 0 ? Infinity : 0;
  const tone = share > 1 ? 'load--over' : share > 0.9 ? 'load--high' : '';
  const label = `${week}: ${formatCount(toHours(committedMinutes))} h planned of ${formatCount(toHours(capacityMinutes))} h`;
  return (
    <div className={`load ${tone}`} title={label} aria-label={label}>
      <span className="muted">{week.slice(5)}</span> {Number.isFinite(share) ? formatPercent(share) : 'no capacity'}
      <div className="load__bar" aria-hidden="true">
        <div className="load__fill" style={{ width: `${Math.min(1, Number.isFinite(share) ? share : 1) * 100}%` }} />
      </div>
    </div>
  );
}
