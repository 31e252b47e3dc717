import { formatCount, formatPercent } from '../../format';
import { toHours } from './labels';

/** Committed minutes against capacity for one week, as a percentage with a small bar. */
export function LoadMeter({
  week,
  capacityMinutes,
  committedMinutes,
}: {
  week: string;
  capacityMinutes: number;
  committedMinutes: number;
}) {
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
