import { IMPACT_FIGURE_DEFINITIONS, IMPACT_FIGURES } from '#server/domain/impact-figures';
import { REFERENCE_WAGE_LABELS } from '#server/domain/reference-wages';
import type { ImpactReport } from '#server/impact/read-impact-report';

import { formatDay, formatKes } from '../../format';

/** What every figure means and where the reference wages come from; each figure links here. */
export function FigureDefinitions({ wages }: { wages: ImpactReport['wages'] }) {
  return (
    <section className="card" aria-labelledby="definitions-heading" id="definitions">
      <h2 id="definitions-heading">What the figures mean</h2>
      <dl className="definitions">
        {IMPACT_FIGURES.map((figure) => (
          <div key={figure} id={`definition-${figure}`} className="definitions__item">
            <dt>{IMPACT_FIGURE_DEFINITIONS[figure].label}</dt>
            <dd>{IMPACT_FIGURE_DEFINITIONS[figure].definition}</dd>
          </div>
        ))}
      </dl>
      <h3>Reference wages</h3>
      <ul className="definition">
        {[wages.minimum, wages.living].map((wage) => (
          <li key={wage.kind}>
            {REFERENCE_WAGE_LABELS[wage.kind]}: {formatKes(wage.monthlyCents)} a month, {formatKes(wage.hourlyCents)} an
            hour at 208 hours a month; from {formatDay(wage.effectiveFrom)}. Source: {wage.source}.
          </li>
        ))}
      </ul>
    </section>
  );
}
