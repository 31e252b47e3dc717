import { z } from 'zod';

import { weekLabelString } from '../domain/input-schemas';
import { SKILLS } from '../domain/skills';

/** The overview's URL: which weeks the chart shows (`from`, `weeks`) and for which skill. */
export const OverviewQuery = z.object({
  /** First week of the chart; the current week when absent. */
  from: weekLabelString.optional(),
  weeks: z.coerce
    .number({ error: 'must be a number of weeks' })
    .int('must be a whole number of weeks')
    .min(1, 'must be at least 1 week')
    .max(26, 'must be at most 26 weeks')
    .default(8),
  skill: z.enum(SKILLS, { error: `must be one of ${SKILLS.join(', ')}` }).optional(),
});

export type OverviewQuery = z.output<typeof OverviewQuery>;
