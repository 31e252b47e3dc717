import { type Role } from './roles';

/**
 * Who is doing something, as services need to know it: for the audit trail, for permissions
 * (an artisan may only touch their own jobs) and for naming them in events.
 */
export interface Actor {
  kind: 'user' | 'system';
  /** The user's id, absent for the system (seeding, scheduled work). */
  userId?: string;
  role: Role | 'system';
  /** Set when the user is an artisan: their artisan record and workshop. */
  artisanId?: string;
  workshopId?: string;
  /** Human name for the audit trail ("Grace Achieng", "seed"). */
  label: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', role: 'system', label: 'system' };
