import { type Actor } from '../../domain/actor';
import { ForbiddenError } from '../../domain/errors';
import { roleMayEnter } from '../../domain/roles';

/** Managers and admins gather, approve and retry payouts (the same roles that open /payouts). */
export function assertMayManagePayouts(actor: Actor, doing: string): void {
  if (actor.role === 'system' || !roleMayEnter({ role: actor.role, area: 'payouts' }))
    throw new ForbiddenError(`a ${actor.role} cannot ${doing}`);
}
