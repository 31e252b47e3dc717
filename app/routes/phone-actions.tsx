import { type ActionFunctionArgs } from '@remix-run/node';

import { requireUser } from '../auth.server';
import { readInspectionUpload } from '../phone/inspection-form.server';
import { OTHER_ACCOUNT_KIND, QUEUED_BY_HEADER } from '../phone/phone-paths';
import { answerPhoneAction, requirePhoneUser } from '../phone/phone-user.server';
import { readForm } from '../route-input.server';

/**
 * Where a phone's action queue sends each action (app/phone/send-queued-actions.ts): the same
 * exactly-once application as the pages' own forms, answered as JSON with its status, so the
 * queue can tell an applied action (2xx) from a refused one (4xx, with the message naming the
 * field) and from no answer at all. Pages without JavaScript post to their own routes instead.
 */
export async function action(args: ActionFunctionArgs) {
  // An action queued by one account never runs as another (a phone signed out and in again while
  // it waited). Checked before the role, so the queue keeps it rather than reading a refusal.
  const queuedBy = args.request.headers.get(QUEUED_BY_HEADER);
  if (queuedBy !== null && queuedBy !== (await requireUser(args)).id) {
    return Response.json(
      { ok: false, kind: OTHER_ACCOUNT_KIND, error: 'This action was taken by another account on this phone.' },
      { status: 409 },
    );
  }
  const form = await readForm(args.request.clone());
  const inspection = form.get('kind') === 'inspection';
  const { actor } = await requirePhoneUser(args, inspection ? 'inspections' : 'my-jobs');
  const extra = inspection ? await readInspectionUpload(form) : undefined;
  const result = await answerPhoneAction(args, {
    actor,
    photo: extra?.photo,
    extra: extra ? { kind: 'inspection', defects: extra.defects } : {},
  });
  // A refusal comes as `data(body, { status })`; an applied action as the plain result.
  if ('init' in result) return Response.json(result.data, { status: result.init?.status ?? 400 });
  return Response.json(result);
}
