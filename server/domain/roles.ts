/**
 * Who may do what. Roles are those of the people in the network; areas are the parts of the app
 * a route belongs to. Route guards and the navigation both read AREA_ROLES, so a link is shown
 * exactly when its page would open. Safe to import from the browser.
 */
export const ROLES = ['planner', 'designer', 'manager', 'field_officer', 'artisan', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  planner: 'Production planner',
  designer: 'Designer',
  manager: 'Manager',
  field_officer: 'Field officer',
  artisan: 'Artisan',
  admin: 'Administrator',
};

export const AREAS = [
  'planning',
  'design',
  'impact',
  'inspections',
  'my-jobs',
  'admin',
  'payouts',
  'messages',
] as const;
export type Area = (typeof AREAS)[number];

export const AREA_ROLES: Record<Area, readonly Role[]> = {
  planning: ['planner', 'manager', 'admin'],
  design: ['designer', 'planner', 'admin'],
  impact: ['manager', 'planner', 'admin'],
  inspections: ['field_officer', 'manager', 'admin'],
  'my-jobs': ['artisan'],
  admin: ['admin'],
  payouts: ['manager', 'admin'],
  messages: ['manager', 'admin'],
};

/** Roles that run, commit and undo plans; the others who enter the planning area read it only. */
export const PLANNING_ROLES: readonly Role[] = ['planner'];

/**
 * Roles that set planning's levers (pins and ruled-out workshops) from a proposal: planners, and
 * admins standing in for one; managers read proposals only.
 */
export const PLAN_LEVER_ROLES: readonly Role[] = ['planner', 'admin'];

export function maySetPlanLevers(role: Role | 'system'): boolean {
  return role !== 'system' && PLAN_LEVER_ROLES.includes(role);
}

/** Roles that onboard and edit workshops and artisans (the network registry); managers read it only. */
export const REGISTRY_ROLES: readonly Role[] = ['planner', 'admin'];

export function mayEditRegistry(role: Role): boolean {
  return REGISTRY_ROLES.includes(role);
}

export function mayPlan(role: Role): boolean {
  return PLANNING_ROLES.includes(role);
}

export function roleMayEnter({ role, area }: { role: Role; area: Area }): boolean {
  return AREA_ROLES[area].includes(role);
}

/** Roles that see the whole network (every workshop, every artisan) in lists and live events. */
export const NETWORK_WIDE_ROLES: readonly Role[] = ['planner', 'designer', 'manager', 'field_officer', 'admin'];

/** Roles that enter orders at HQ (by hand or from a purchase-order file) and cancel them from the order's page. */
export const ORDER_ENTRY_ROLES: readonly Role[] = ['planner', 'admin'];

export function mayEnterOrders(role: Role | 'system'): boolean {
  return role !== 'system' && ORDER_ENTRY_ROLES.includes(role);
}
