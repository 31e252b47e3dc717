import { z } from 'zod';

import { isWeekLabel, type WeekLabel } from './weeks';

/** Zod pieces every service input uses, so the same thing is checked the same way everywhere. */
export const objectIdString = z.string().regex(/^[0-9a-f]{24}$/i, 'must be a 24-character hex id');

/**
 * Years a week or date typed into Kiwanda may fall in: pages add weeks to what they are given,
 * and a year past 9999 cannot be written as a date any more (a RangeError, not an answer).
 */
export const INPUT_YEARS = { first: 2000, last: 2100 } as const;

export const weekLabelString = z
  .string()
  .refine((value) => isWeekLabel(value), 'must be an ISO week of that year, like 2026-W48')
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= INPUT_YEARS.first && year <= INPUT_YEARS.last;
  }, `must be a week between ${INPUT_YEARS.first} and ${INPUT_YEARS.last}`)
  .transform((value) => value as WeekLabel);

export const wholeCents = z.number().int('must be whole KES cents').min(0);

/** Gazetted one-off holidays (Idd-ul-Fitr, …) as Nairobi dates "YYYY-MM-DD", on top of the fixed ones. */
export const extraHolidaysSchema = z
  .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'), name: z.string().min(1) }))
  .default([]);

/** One of a fixed set of choices; refused in words that list them, rather than zod's own. */
export function oneOf<const Choices extends readonly [string, ...string[]]>(choices: Choices) {
  return z.enum(choices, { error: `must be one of ${choices.join(', ')}` });
}
