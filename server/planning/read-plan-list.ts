import { cachedReadModel } from '../dashboard/read-model-cache';
import { listPlans, type PlanList } from './plan-summary';

/**
 * The planning page's lists, kept between requests: plans change only by a new proposal (which
 * may supersede older automatic ones) or a commit (which supersedes the rest), both announced.
 * The age limit bounds what announces nothing (a renamed user, history loaded by hand).
 */
export const readPlanList = cachedReadModel<{ recentLimit?: number }, PlanList>({
  name: 'plan-list',
  invalidatedBy: ['plan:proposed', 'plan:committed'],
  maxAgeMs: 60_000,
  keyOf: ({ recentLimit }) => String(recentLimit ?? 'default'),
  maxKept: 4,
  compute: (input) => listPlans(input),
});
