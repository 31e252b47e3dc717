import { type ActionFunctionArgs } from '@remix-run/node';

import { readInspectionUpload } from '../phone/inspection-form.server';
import { answerPhoneAction, requirePhoneUser } from '../phone/phone-user.server';
import { readForm } from '../route-input.server';

/**
 * Where a phone's action queue sends each action (app/phone/send-queued-actions.ts): the same
 * exactly-once application as the pages' own forms, answered as JSON with its status, so the
 * queue can tell an applied action (2xx) from a refused one (4xx, with the message naming the
 * field) and from no answer at all. Pages without JavaScript post to their own routes instead.
 */
export async function action(args: ActionFunctionArgs) {
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
