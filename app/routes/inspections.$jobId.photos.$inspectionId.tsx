import { type LoaderFunctionArgs } from '@remix-run/node';

import { requireRole } from '../auth.server';
import { answerDomainErrors } from '../route-input.server';

/**
 * One inspection's photo of a job, as the phone took and shrank it: for the field officers of the
 * job's area and for HQ (planners, managers, admins); the service refuses anyone else. Kept
 * private to the browser that asked, and never guessed at as another type.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireRole(args, ['field_officer', 'planner', 'manager', 'admin']);
  const actor = args.context.accounts.actorFromUser(user);
  const photo = await answerDomainErrors(() =>
    args.context.phone.readJobInspectionPhoto({
      actor,
      jobId: args.params.jobId,
      inspectionId: args.params.inspectionId,
    }),
  );
  return new Response(new Uint8Array(photo.data), {
    headers: {
      'Content-Type': photo.contentType,
      'Content-Length': String(photo.data.length),
      // A photo never changes under its inspection's id; only this person's browser keeps it.
      'Cache-Control': 'private, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
