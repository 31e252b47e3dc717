import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ValidationError } from '../../domain/errors';
import { normaliseKenyanMobile } from '../../domain/kenyan-mobile';
import { NAIROBI_AREA_NAMES } from '../../domain/nairobi-areas';
import { ROLES } from '../../domain/roles';
import { validateInput } from '../../domain/validate-input';
import { Artisan } from '../../models/artisan';
import { createUser } from './create-user';
import { oneTimePassword } from './one-time-password';
import { type SessionUser } from './session-user';
import { assertMayManageAccounts } from './user-admin-permissions';

const InviteUserInput = z
  .object({
    email: z.email('must be an e-mail address, e.g. wanjiru@example.org'),
    name: z.string().trim().min(1, 'is required').max(120),
    role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
    /** An artisan's account is found by the M-Pesa number on their artisan record. */
    artisanPhone: z.string().optional(),
    areas: z.array(z.enum(NAIROBI_AREA_NAMES, { error: 'must be one of the Nairobi areas' })).default([]),
  })
  .superRefine((user, context) => {
    if (user.role === 'artisan' && !user.artisanPhone)
      context.addIssue({ code: 'custom', path: ['artisanPhone'], message: 'give the artisan’s M-Pesa number' });
    if (user.role === 'field_officer' && user.areas.length === 0)
      context.addIssue({ code: 'custom', path: ['areas'], message: 'choose the areas this field officer inspects' });
  });

export type InviteUserInput = z.input<typeof InviteUserInput>;

/**
 * Opens an account for someone (administrators only) with a one-time password the administrator
 * hands on: there is no e-mail in Kiwanda's stack, so the page shows it once. An artisan's account
 * is linked to their artisan record, found by its M-Pesa number; a field officer's carries the
 * areas they inspect.
 */
export async function inviteUser({
  actor,
  ...input
}: InviteUserInput & { actor: Actor }): Promise<{ user: SessionUser; temporaryPassword: string }> {
  assertMayManageAccounts(actor, 'opens accounts');
  const invite = validateInput(InviteUserInput, input);
  let artisanId: string | undefined;
  if (invite.role === 'artisan') {
    const phone = normaliseKenyanMobile(invite.artisanPhone ?? '');
    if (!phone) throw ValidationError.forField('artisanPhone', 'is not a Kenyan mobile number');
    const artisan = await Artisan.findOne({ phone }, { _id: 1 }).lean();
    if (!artisan) throw ValidationError.forField('artisanPhone', `no artisan has ${phone} on record`);
    artisanId = String(artisan._id);
  }
  const temporaryPassword = oneTimePassword();
  const user = await createUser({
    actor,
    email: invite.email,
    name: invite.name,
    role: invite.role,
    password: temporaryPassword,
    passwordIsTemporary: true,
    artisanId,
    areas: invite.role === 'field_officer' ? invite.areas : undefined,
  });
  return { user, temporaryPassword };
}
