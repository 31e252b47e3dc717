import { z } from 'zod';

import { centsOfKesText } from '../../domain/fair-piece-rate';
import { type ReferenceWageKind } from '../../domain/reference-wages';

/**
 * The admins' form for a reference wage, as the route receives it: the monthly figure typed in
 * KES ("35,518") and kept as cents. recordReferenceWage checks the rest and names the field.
 */
export const ReferenceWageForm = z
  .object({
    kind: z.string({ error: 'choose minimum or living wage' }),
    monthlyKes: z
      .string({ error: 'enter the monthly wage in KES' })
      .transform(centsOfKesText)
      .refine((cents) => !Number.isNaN(cents), 'must be an amount in KES, e.g. 35,518'),
    source: z.string({ error: 'name where the figure comes from' }),
    effectiveFrom: z.string({ error: 'give the day it applies from' }),
  })
  .transform(({ kind, monthlyKes, ...rest }) => ({
    ...rest,
    kind: kind as ReferenceWageKind,
    monthlyCents: monthlyKes,
  }));
