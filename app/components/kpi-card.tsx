import { type ReactNode } from 'react';

export type KpiTone = 'neutral' | 'good' | 'warn' | 'bad';

/** One headline number with what it means; the tone colours it when it needs attention. */
export function KpiCard({
  label,
  value,
  hint,
  tone = 'neutral',
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: KpiTone;
  testId?: string;
}) {
  return (
    <div className={`kpi kpi--${tone}`} data-testid={testId}>
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
      {hint ? <div className="kpi__hint">{hint}</div> : null}
    </div>
  );
}
