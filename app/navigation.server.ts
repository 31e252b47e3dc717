import { AREA_ROLES, ROLE_LABELS, type Area, type Role } from '../server/domain/roles';

/** The header's links, one per area; a person sees those their role may open. */
export const AREA_LINKS: { area: Area; to: string; label: string }[] = [
  { area: 'planning', to: '/planning', label: 'Planning' },
  { area: 'design', to: '/design', label: 'Collections' },
  { area: 'impact', to: '/impact', label: 'Impact' },
  { area: 'inspections', to: '/inspections', label: 'Inspections' },
  { area: 'my-jobs', to: '/my-jobs', label: 'My jobs' },
  { area: 'admin', to: '/admin', label: 'Admin' },
];

/** The links a role's header shows (computed on the server: role rules stay out of the bundle). */
export function navigationFor(role: Role): { to: string; label: string }[] {
  return AREA_LINKS.filter((link) => AREA_ROLES[link.area].includes(role)).map(({ to, label }) => ({ to, label }));
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
