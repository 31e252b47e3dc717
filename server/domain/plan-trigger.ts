/** Who asked for a plan: a planner pressing the button, or the automatic re-planner. Safe in the browser. */
export const PLAN_TRIGGERS = ['planner', 'auto'] as const;
export type PlanTrigger = (typeof PLAN_TRIGGERS)[number];
