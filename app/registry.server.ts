/** What the registry pages share on the server side: who may open and change them. */
import { type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';

import { objectIdString } from '#server/domain/input-schemas';
import { REGISTRY_ROLES } from '#server/domain/roles';

import { requireActor, requireRole, type SessionUser } from './auth.server';
import { type RequestArgs } from './load-context';
import { answerDomainErrors, parseParams } from './route-input.server';

/** Planners and administrators onboard and edit the network; the service checks the same again. */
export function requireRegistryEditor(args: RequestArgs): Promise<SessionUser> {
  return requireRole(args, REGISTRY_ROLES);
}

export function requireRegistryActor(args: RequestArgs) {
  return requireActor(args, REGISTRY_ROLES);
}

const WorkshopParams = z.object({ workshopId: objectIdString });

/** The workshop a registry page under /workshops/:workshopId works on. */
export function registryWorkshopId(args: RequestArgs & Pick<LoaderFunctionArgs, 'params'>): string {
  return parseParams(args.params, WorkshopParams).workshopId;
}

/** Loader of the pages that edit a workshop or add to it: an editor, and the workshop as it stands. */
export async function loadRegistryWorkshop(args: LoaderFunctionArgs) {
  await requireRegistryEditor(args);
  const workshopId = registryWorkshopId(args);
  const workshop = await answerDomainErrors(() => args.context.registry.readWorkshopRecord({ workshopId }));
  return { workshop };
}
