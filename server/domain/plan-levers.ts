/**
 * A planner's levers on the optimizer, set per order line from a proposal: a pin keeps units of the
 * line in one workshop and week; a rule-out keeps the line out of a workshop. Safe to import from
 * the browser.
 */
export const PLAN_LEVER_KINDS = ['pin', 'rule-out'] as const;
export type PlanLeverKind = (typeof PLAN_LEVER_KINDS)[number];

/**
 * Why a stored lever does not reach the next plan run. A lever applies while its order line has
 * open demand (the order is open and live jobs do not yet cover the whole line), its workshop is
 * active and, for a pin, its week is still in the planning horizon; it stops applying, without
 * being deleted, once the line is fully planned, the order is cancelled or shipped, the workshop
 * is deactivated or the week has passed.
 */
export const LEVER_IDLE_REASONS = {
  'line-planned': 'the order line has no open units left (planned, cancelled or shipped)',
  'workshop-inactive': 'the workshop is no longer active',
  'week-outside-horizon': 'the week is outside the planning horizon',
} as const;
export type LeverIdleReason = keyof typeof LEVER_IDLE_REASONS;

/** The optimizer's reasons a pin could not hold, in a planner's words (the detail says more). */
export const PIN_CONFLICT_LABELS: Record<string, string> = {
  skill: 'workshop lacks the skill',
  week: 'week outside the order’s dates',
  forbidden: 'workshop also ruled out',
  quantity: 'more units pinned than the line has open',
  capacity: 'pinned work beyond the workshop’s free time',
  split: 'more workshops than the line may be split over',
};
