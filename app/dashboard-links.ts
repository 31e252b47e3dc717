import { roleMayEnter, type Role } from '../server/domain/roles';

/** The dashboard pages, for the roles that may open the planning area (planners; managers and admins read). */
const DASHBOARD_LINKS = [
  { to: '/overview', label: 'Overview' },
  { to: '/orders', label: 'Orders' },
  { to: '/workshops', label: 'Workshops' },
  { to: '/jobs', label: 'Jobs' },
] as const;

export function dashboardLinksFor(role: Role): { to: string; label: string }[] {
  return roleMayEnter({ role, area: 'planning' }) ? DASHBOARD_LINKS.map((link) => ({ ...link })) : [];
}

/** Where `/` sends a signed-in person: the overview for those who may read it; null shows the home page. */
export function homePathFor(role: Role): string | null {
  return roleMayEnter({ role, area: 'planning' }) ? '/overview' : null;
}
