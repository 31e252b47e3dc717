import { Form } from '@remix-run/react';

import { IMPACT_PERIOD_KINDS } from '#server/domain/impact-figures';
import type { ImpactPeriod } from '#server/impact/impact-period';

import { DayInput } from '../day-input';

const KIND_LABELS = { month: 'Month', quarter: 'Quarter', year: 'Year', custom: 'Custom' } as const;

/**
 * The period, in the URL: a GET form, so it works without JavaScript and a link to a report
 * shows the same report. Only the field of the chosen kind is read.
 */
export function PeriodPicker({ period }: { period: Pick<ImpactPeriod, 'kind' | 'search'> }) {
  const value = (field: string) => period.search[field] ?? '';
  return (
    <Form method="get" className="filters period-picker" aria-label="Report period">
      <label>
        Period
        <select name="kind" defaultValue={period.kind}>
          {IMPACT_PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Month
        <input type="month" name="month" defaultValue={value('month')} placeholder="2026-02" />
      </label>
      <label>
        Quarter
        <input name="quarter" defaultValue={value('quarter')} placeholder="2026-Q1" pattern="\d{4}-Q[1-4]" size={8} />
      </label>
      <label>
        Year
        <input name="year" defaultValue={value('year')} placeholder="2026" pattern="\d{4}" size={5} />
      </label>
      <label>
        From
        <DayInput name="from" defaultValue={value('from')} />
      </label>
      <label>
        To
        <DayInput name="to" defaultValue={value('to')} />
      </label>
      <button type="submit" className="button button--quiet">
        Show
      </button>
    </Form>
  );
}
