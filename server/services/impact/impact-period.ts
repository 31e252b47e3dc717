import { z } from 'zod';

import { ValidationError } from '../../domain/errors';
import { validateInput } from '../../domain/validate-input';

const ImpactPeriodInput = z.object({ from: z.coerce.date(), to: z.coerce.date() });

export type ImpactPeriodInput = z.input<typeof ImpactPeriodInput>;
export interface ImpactPeriod {
  from: Date;
  /** Exclusive. */
  to: Date;
}

export function validateImpactPeriod(input: ImpactPeriodInput): ImpactPeriod {
  const period = validateInput(ImpactPeriodInput, input);
  if (period.to.getTime() <= period.from.getTime()) throw ValidationError.forField('to', 'must be after from');
  return period;
}
