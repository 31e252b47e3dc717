import { useEffect, useState } from 'react';

import { proposePieceRateCents, type PieceRateAssessment } from '#server/domain/fair-piece-rate';
import { REFERENCE_WAGE_LABELS, STANDARD_HOURS_PER_WEEK } from '#server/domain/reference-wages';

import { formatDay, formatKes, formatPercent } from '../../format';

const STANDING_TEXT = {
  'below-minimum': 'Below the minimum wage',
  'below-living': 'Below the living wage',
  living: 'At or above the living wage',
} as const;

/** The flag under the piece-rate field: said where the rate is set, in words and colour. */
export function PieceRateFlag({ assessment }: { assessment: PieceRateAssessment | null }) {
  if (!assessment) return null;
  const good = assessment.standing === 'living';
  return (
    <span
      className={`rate-flag ${good ? 'rate-flag--good' : 'rate-flag--bad'}`}
      data-testid="piece-rate-flag"
      data-standing={assessment.standing}
    >
      {good ? '✓ ' : '⚠ '}
      {STANDING_TEXT[assessment.standing]}
      {good ? null : ` — ${formatKes(assessment.living.pieceRateToReachCents)} a unit reaches it`}
    </span>
  );
}

/**
 * What the typed piece rate earns an artisan, hour and month, against the minimum and living wage
 * (with where each figure comes from), and the artisan's share of the prices. A target hourly
 * earning proposes a rate; with JavaScript the designer can take it into the form.
 */
export function FairRatePanel({
  assessment,
  labourMinutesPerUnit,
  onUseRate,
}: {
  assessment: PieceRateAssessment | null;
  labourMinutesPerUnit: number;
  onUseRate: (cents: number) => void;
}) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const livingHourlyKes = assessment ? (assessment.living.hourlyCents / 100).toFixed(2) : '';
  const [targetKes, setTargetKes] = useState('');
  const targetHourlyCents = Math.round(Number(targetKes || livingHourlyKes) * 100);
  const proposal =
    labourMinutesPerUnit > 0 && targetHourlyCents > 0
      ? proposePieceRateCents({ labourMinutesPerUnit, targetHourlyCents })
      : null;

  return (
    <section className="fair-rate" aria-label="Fair piece rate" data-testid="fair-rate">
      <h2>Fair piece rate</h2>
      {assessment ? (
        <>
          <p>
            At this rate an artisan earns{' '}
            <strong data-testid="effective-hourly">{formatKes(assessment.hourlyCents)}</strong> an hour,{' '}
            <strong data-testid="effective-monthly">{formatKes(assessment.monthlyCents)}</strong> a month at a{' '}
            {STANDARD_HOURS_PER_WEEK}-hour week. <PieceRateFlag assessment={assessment} />
          </p>
          <div className="table-scroll">
            <table className="data fair-rate__wages">
              <thead>
                <tr>
                  <th>Reference</th>
                  <th className="num">A month</th>
                  <th className="num">An hour</th>
                  <th className="num">Rate that reaches it</th>
                  <th>Source</th>
                </tr>
              </thead>
              <tbody>
                {[assessment.minimum, assessment.living].map((wage) => (
                  <tr key={wage.kind}>
                    <td>
                      {REFERENCE_WAGE_LABELS[wage.kind]} {wage.reached ? '✓' : '✗'}
                    </td>
                    <td className="num nowrap">{formatKes(wage.monthlyCents)}</td>
                    <td className="num nowrap">{formatKes(wage.hourlyCents)}</td>
                    <td className="num nowrap">{formatKes(wage.pieceRateToReachCents)}</td>
                    <td className="muted">
                      {wage.source}, from {formatDay(wage.effectiveFrom)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p data-testid="price-shares">
            The artisan gets {assessment.shareOfRetail === null ? '—' : formatPercent(assessment.shareOfRetail)} of the
            retail price and {assessment.shareOfWholesale === null ? '—' : formatPercent(assessment.shareOfWholesale)}{' '}
            of the wholesale price.
          </p>
        </>
      ) : (
        <p className="muted">Type the labour minutes and a piece rate to see what the artisan earns.</p>
      )}
      <div className="fair-rate__propose">
        <label>
          Target earning (KES an hour)
          <input
            name="targetHourlyKes"
            inputMode="decimal"
            value={targetKes}
            placeholder={livingHourlyKes}
            onChange={(event) => setTargetKes(event.currentTarget.value)}
          />
        </label>
        {proposal !== null ? (
          <span data-testid="proposed-rate">
            proposes <strong>{formatKes(proposal)}</strong> a unit for {labourMinutesPerUnit} minutes of work
          </span>
        ) : null}
        {hydrated && proposal !== null ? (
          <button type="button" className="button button--quiet" onClick={() => onUseRate(proposal)}>
            Use this rate
          </button>
        ) : null}
      </div>
    </section>
  );
}
