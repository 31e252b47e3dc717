import { type Actor } from '../domain/actor';
import { ForbiddenError } from '../domain/errors';

/** Staff who may declare or cancel days away for any artisan (a field officer on a visit, say). */
const STAFF_ROLES = ['planner', 'manager', 'admin', 'field_officer', 'system'];

/** Artisans manage their own days away; staff anyone's; nobody else. */
export function assertMayManageAbsence({ actor, artisanId }: { actor: Actor; artisanId: string }): void {
  if (STAFF_ROLES.includes(actor.role)) return;
  if (actor.role === 'artisan') {
    if (actor.artisanId === artisanId) return;
    throw new ForbiddenError('an artisan can only declare their own days away');
  }
  throw new ForbiddenError(`a ${actor.role.replace('_', ' ')} cannot declare days away for artisans`);
}
