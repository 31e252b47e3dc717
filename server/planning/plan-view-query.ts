import { z } from 'zod';

import { SEARCH_MAX_LENGTH } from '../domain/search-limits';
import { PLAN_VIEWS } from './read-plan-view';

/** A plan page's URL: which view, which page of it, and an optional search. */
export const PlanViewQuery = z.object({
  view: z.enum(PLAN_VIEWS, { error: `must be one of ${PLAN_VIEWS.join(', ')}` }).default('assignments'),
  page: z.coerce.number().int('must be a whole number').min(1).max(10_000).default(1),
  q: z.string().max(SEARCH_MAX_LENGTH, `is longer than ${SEARCH_MAX_LENGTH} characters`).default(''),
});

export type PlanViewQuery = z.output<typeof PlanViewQuery>;
