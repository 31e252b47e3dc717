/**
 * The life of a stored plan. An optimizer run is kept as a proposal; committing it turns it into
 * job offers; a newer commit (or a newer automatic proposal) supersedes it. Safe to import from
 * the browser.
 */
export const PLAN_STATUSES = ['proposal', 'committed', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  proposal: ['committed', 'superseded'],
  committed: ['superseded'],
  superseded: [],
};

/** Plans a commit replaces: every other plan not superseded already. */
export const SUPERSEDABLE_PLAN_STATUSES: readonly PlanStatus[] = PLAN_STATUSES.filter((status) =>
  PLAN_TRANSITIONS[status].includes('superseded'),
);
