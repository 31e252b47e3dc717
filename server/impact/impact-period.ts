import { z } from 'zod';

import { calendarDayString } from '../capacity/calendar-days';
import { ValidationError } from '../domain/errors';
import { IMPACT_PERIOD_KINDS, type ImpactPeriodKind } from '../domain/impact-figures';
import { nairobiCalendarDay, nairobiDate, nairobiDateString } from '../domain/weeks';

/**
 * The report's period as the URL names it: `kind` and the field for that kind (`month=2026-02`,
 * `quarter=2026-Q1`, `year=2026`, or `from`/`to` days, both included). Absent: the last whole month.
 */
export const ImpactPeriodQuery = z.object({
  kind: z.enum(IMPACT_PERIOD_KINDS, { error: `must be one of ${IMPACT_PERIOD_KINDS.join(', ')}` }).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-02')
    .optional(),
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q1')
    .optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a year like 2026')
    .optional(),
  from: calendarDayString.optional(),
  to: calendarDayString.optional(),
});
export type ImpactPeriodQuery = z.output<typeof ImpactPeriodQuery>;

export interface ImpactRange {
  from: Date;
  /** Exclusive. */
  to: Date;
  label: string;
}

export interface ImpactPeriod extends ImpactRange {
  kind: ImpactPeriodKind;
  /** What the URL says to show this period again (for links, the CSV and the PDF). */
  search: Record<string, string>;
  previous: ImpactRange;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Midnight Nairobi of the first of a month; `month` may run past 12 or below 1. */
export function monthStart(year: number, month: number): Date {
  const index = year * 12 + (month - 1);
  return nairobiDate({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}

function monthsRange(year: number, month: number, months: number, label: string): ImpactRange {
  return { from: monthStart(year, month), to: monthStart(year, month + months), label };
}

function dayOf(text: string, field: string): Date {
  const [year, month, day] = text.split('-').map(Number);
  const date = nairobiDate({ year, month, day });
  if (nairobiDateString(date) !== text) throw ValidationError.forField(field, 'is not a calendar day');
  return date;
}

function required(value: string | undefined, field: string, kind: string): string {
  if (!value) throw ValidationError.forField(field, `is needed for a ${kind} period`);
  return value;
}

/** The period and the one before it, of the same length, on Nairobi's calendar. */
export function resolveImpactPeriod({ query, now }: { query: ImpactPeriodQuery; now: Date }): ImpactPeriod {
  const today = nairobiCalendarDay(now);
  const kind = query.kind ?? 'month';
  if (kind === 'month') {
    const text = query.month ?? nairobiDateString(monthStart(today.year, today.month - 1)).slice(0, 7);
    const [year, month] = text.split('-').map(Number);
    const name = (y: number, m: number) => `${MONTH_NAMES[(m + 11) % 12]} ${m < 1 ? y - 1 : y}`;
    return {
      kind,
      search: { kind, month: text },
      ...monthsRange(year, month, 1, name(year, month)),
      previous: monthsRange(year, month - 1, 1, name(year, month - 1)),
    };
  }
  if (kind === 'quarter') {
    const text = required(query.quarter, 'quarter', kind);
    const [year, quarter] = text.split('-Q').map(Number);
    const previousLabel = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
    return {
      kind,
      search: { kind, quarter: text },
      ...monthsRange(year, (quarter - 1) * 3 + 1, 3, text),
      previous: monthsRange(year, (quarter - 2) * 3 + 1, 3, previousLabel),
    };
  }
  if (kind === 'year') {
    const year = Number(required(query.year, 'year', kind));
    return {
      kind,
      search: { kind, year: String(year) },
      ...monthsRange(year, 1, 12, String(year)),
      previous: monthsRange(year - 1, 1, 12, String(year - 1)),
    };
  }
  const from = dayOf(required(query.from, 'from', kind), 'from');
  const lastDay = dayOf(required(query.to, 'to', kind), 'to');
  if (lastDay < from) throw ValidationError.forField('to', 'must be on or after from');
  const days = Math.round((lastDay.getTime() - from.getTime()) / 86_400_000) + 1;
  if (days > 366 * 3) throw ValidationError.forField('to', 'a custom period is at most three years');
  const at = (day: Date, offset: number) => {
    const { year, month, day: date } = nairobiCalendarDay(day);
    return nairobiDate({ year, month, day: date + offset });
  };
  const previousFrom = at(from, -days);
  return {
    kind,
    search: { kind, from: query.from!, to: query.to! },
    from,
    to: at(lastDay, 1),
    label: `${query.from} to ${query.to}`,
    previous: {
      from: previousFrom,
      to: from,
      label: `${nairobiDateString(previousFrom)} to ${nairobiDateString(at(from, -1))}`,
    },
  };
}

/** The Nairobi calendar months ("YYYY-MM") a range touches. */
export function monthsOf(range: { from: Date; to: Date }): string[] {
  const first = nairobiCalendarDay(range.from);
  const months: string[] = [];
  for (let index = 0; ; index++) {
    const start = monthStart(first.year, first.month + index);
    if (start >= range.to) return months;
    months.push(nairobiDateString(start).slice(0, 7));
  }
}

/** The twelve Nairobi calendar months ending with the month holding the range's last instant. */
export function twelveMonthsEnding(range: { to: Date }): { from: Date; to: Date; months: string[] } {
  const last = nairobiCalendarDay(new Date(range.to.getTime() - 1));
  const window = { from: monthStart(last.year, last.month - 11), to: monthStart(last.year, last.month + 1) };
  return { ...window, months: monthsOf(window) };
}
