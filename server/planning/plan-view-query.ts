import { z } from 'zod';

import { oneOf } from '../domain/input-schemas';
import { pageNumber } from '../domain/paging';
import { SEARCH_MAX_LENGTH } from '../domain/search-limits';
import { PLAN_VIEWS } from './read-plan-view';

/** A plan page's URL: which view, which page of it, and an optional search. */
export const PlanViewQuery = z.object({
  view: oneOf(PLAN_VIEWS).default('assignments'),
  page: pageNumber,
  q: z.string().max(SEARCH_MAX_LENGTH, `is longer than ${SEARCH_MAX_LENGTH} characters`).default(''),
});

export type PlanViewQuery = z.output<typeof PlanViewQuery>;
