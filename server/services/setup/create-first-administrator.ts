import { Types } from 'mongoose';
import { z } from 'zod';

import { hashPassword } from '../../auth/passwords';
import { SYSTEM_ACTOR } from '../../domain/actor';
import { DomainError } from '../../domain/errors';
import { validateInput } from '../../domain/validate-input';
import { User } from '../../models/user';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { PASSWORD_MIN_LENGTH } from '../users/create-user';

const FirstAdministratorInput = z
  .object({
    email: z
      .string()
      .trim()
      .max(200)
      .pipe(z.email('must be an e-mail address'))
      .transform((email) => email.toLowerCase()),
    name: z.string().trim().min(1, 'is required').max(120),
    password: z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200),
    confirmPassword: z.string().max(200),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ['confirmPassword'],
    message: 'does not match the password',
  });

export type FirstAdministratorInput = z.input<typeof FirstAdministratorInput>;

/**
 * The first run of a new install: creates its first administrator, who then creates everyone
 * else. Refused once any account exists, so the form cannot be used to add an administrator to a
 * running network.
 */
export async function createFirstAdministrator(input: FirstAdministratorInput): Promise<{ email: string }> {
  const admin = validateInput(FirstAdministratorInput, input);
  const passwordHash = await hashPassword({ password: admin.password });
  const _id = new Types.ObjectId();
  await runInTransaction(async ({ session }) => {
    if ((await User.exists({}).session(session)) !== null) {
      throw new DomainError('this install already has accounts: sign in instead');
    }
    await User.create([{ _id, email: admin.email, name: admin.name, role: 'admin', passwordHash, active: true }], {
      session,
    });
    await recordAuditEvent({
      session,
      actor: SYSTEM_ACTOR,
      entity: { kind: 'user', id: _id },
      action: 'user.created',
      after: { email: admin.email, name: admin.name, role: 'admin', firstRun: true },
    });
  });
  return { email: admin.email };
}
