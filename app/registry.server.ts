/** What the registry pages share on the server side: who may open and change them. */
import { REGISTRY_ROLES } from '#server/domain/roles';

import { requireActor, requireRole, type SessionUser } from './auth.server';
import { type RequestArgs } from './load-context';

/** Planners and administrators onboard and edit the network; the service checks the same again. */
export function requireRegistryEditor(args: RequestArgs): Promise<SessionUser> {
  return requireRole(args, REGISTRY_ROLES);
}

export function requireRegistryActor(args: RequestArgs) {
  return requireActor(args, REGISTRY_ROLES);
}
