import { KpiCard } from '../kpi-card';
import { type HeadlineFigure } from './headline-figures';

/** The headline figures as cards, each with its change on the previous period. */
export function ImpactHeadlines({ figures }: { figures: HeadlineFigure[] }) {
  return (
    <section className="kpi-grid" aria-label="Headline figures">
      {figures.map((figure) => (
        <KpiCard
          key={figure.id}
          testId={`impact-${figure.id}`}
          label={figure.label}
          value={figure.value}
          hint={figure.hint}
          tone={figure.tone}
        />
      ))}
    </section>
  );
}
