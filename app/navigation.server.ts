import { ROLE_LABELS, roleMayEnter, type Area, type Role } from '#server/domain/roles';

/** The dashboard pages, for the roles that may open the planning area (planners; managers and admins read). */
const DASHBOARD_LINKS = [
  { to: '/overview', label: 'Overview' },
  { to: '/orders', label: 'Orders' },
  { to: '/workshops', label: 'Workshops' },
  { to: '/jobs', label: 'Jobs' },
] as const;

/**
 * The header's links, one per area that has pages; a person sees those their role may open.
 * Every area listed here has pages, so no link leads to a 404.
 */
export const AREA_LINKS: { area: Area; to: string; label: string }[] = [
  { area: 'planning', to: '/planning', label: 'Planning' },
  { area: 'design', to: '/design', label: 'Catalogue' },
  { area: 'design', to: '/design/check', label: 'Can we make it?' },
  { area: 'admin', to: '/admin', label: 'Admin' },
  { area: 'impact', to: '/impact', label: 'Impact' },
  { area: 'my-jobs', to: '/my-jobs', label: 'My jobs' },
  { area: 'inspections', to: '/inspections', label: 'Inspections' },
  { area: 'payouts', to: '/payouts', label: 'Payouts' },
  { area: 'messages', to: '/messages', label: 'SMS' },
];

/** The administrators' pages, gathered on /admin behind the header's one "Admin" link. */
export const ADMIN_PAGES: { to: string; label: string; description: string }[] = [
  {
    to: '/admin/channels',
    label: 'Sales channels',
    description: 'The web shop and retail partners: their API keys, webhook address and signing secret.',
  },
  { to: '/admin/users', label: 'Accounts', description: 'Open accounts, change roles, reset passwords, deactivate.' },
  {
    to: '/admin/wages',
    label: 'Reference wages',
    description: 'The minimum and living wages piece rates and the impact report are measured against.',
  },
  {
    to: '/admin/webhooks',
    label: 'Webhook deliveries',
    description: 'Status webhooks sent to sales channels, with every attempt’s answer.',
  },
];

/** The links a role's header shows (computed on the server: role rules stay out of the bundle). */
export function navigationFor(role: Role): { to: string; label: string }[] {
  const dashboards = roleMayEnter({ role, area: 'planning' }) ? DASHBOARD_LINKS.map((link) => ({ ...link })) : [];
  const areas = AREA_LINKS.filter((link) => roleMayEnter({ role, area: link.area })).map(({ to, label }) => ({
    to,
    label,
  }));
  return [...dashboards, ...areas];
}

/** Where `/` sends a signed-in person: the page of their daily work; null shows the home page. */
export function homePathFor(role: Role): string | null {
  if (roleMayEnter({ role, area: 'planning' })) return '/overview';
  if (roleMayEnter({ role, area: 'design' })) return '/design';
  // People on phones: straight to their work.
  if (roleMayEnter({ role, area: 'my-jobs' })) return '/my-jobs';
  if (roleMayEnter({ role, area: 'inspections' })) return '/inspections';
  return null;
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
