import { Types } from 'mongoose';
import { z } from 'zod';

import { hashPassword } from '../../auth/passwords';
import { type Actor } from '../../domain/actor';
import { ForbiddenError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { NAIROBI_AREA_NAMES } from '../../domain/nairobi-areas';
import { ROLES } from '../../domain/roles';
import { validateInput } from '../../domain/validate-input';
import { Artisan } from '../../models/artisan';
import { User } from '../../models/user';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';
import { loadSessionUser, type SessionUser } from './session-user';

export const PASSWORD_MIN_LENGTH = 10;

const CreateUserInput = z
  .object({
    email: z.email().transform((email) => email.toLowerCase()),
    name: z.string().trim().min(1, 'is required').max(120),
    role: z.enum(ROLES),
    password: z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200),
    artisanId: objectIdString.optional(),
    /** A field officer's neighbourhoods: the workshops whose work they inspect. */
    areas: z.array(z.enum(NAIROBI_AREA_NAMES, { error: 'must be one of the Nairobi areas' })).optional(),
    /** An administrator's one-time password: the person chooses their own at first sign-in. */
    passwordIsTemporary: z.boolean().default(false),
  })
  .superRefine((user, context) => {
    if (user.role === 'artisan' && !user.artisanId) {
      context.addIssue({ code: 'custom', path: ['artisanId'], message: 'an artisan account is linked to an artisan' });
    }
    if (user.role !== 'artisan' && user.artisanId) {
      context.addIssue({
        code: 'custom',
        path: ['artisanId'],
        message: 'only artisan accounts are linked to an artisan',
      });
    }
    if (user.role !== 'field_officer' && (user.areas ?? []).length > 0) {
      context.addIssue({ code: 'custom', path: ['areas'], message: 'only field officers have areas' });
    }
  });

export type CreateUserInput = z.input<typeof CreateUserInput>;

/** Creates an account. Only admins (or the system, when seeding) create accounts. */
export async function createUser({ actor, ...input }: CreateUserInput & { actor: Actor }): Promise<SessionUser> {
  const user = validateInput(CreateUserInput, input);
  if (actor.role !== 'admin' && actor.role !== 'system')
    throw new ForbiddenError('only an administrator creates accounts');
  if (user.artisanId && !(await Artisan.exists({ _id: new Types.ObjectId(user.artisanId) }))) {
    throw ValidationError.forField('artisanId', `no artisan ${user.artisanId}`);
  }
  const passwordHash = await hashPassword({ password: user.password });
  const _id = new Types.ObjectId();
  try {
    await runInTransaction(async ({ session }) => {
      await User.create(
        [
          {
            _id,
            email: user.email,
            name: user.name,
            role: user.role,
            artisan: user.artisanId,
            ...(user.areas ? { areas: [...new Set(user.areas)] } : {}),
            passwordHash,
            ...(user.passwordIsTemporary ? { passwordIsTemporary: true } : {}),
            active: true,
          },
        ],
        { session },
      );
      await recordAuditEvent({
        session,
        actor,
        entity: { kind: 'user', id: _id },
        action: 'user.created',
        after: {
          email: user.email,
          name: user.name,
          role: user.role,
          artisan: user.artisanId ?? null,
          areas: user.areas ?? null,
        },
      });
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const field = String((error as { message?: string }).message).includes('artisan') ? 'artisanId' : 'email';
    throw ValidationError.forField(
      field,
      field === 'email' ? `${user.email} already has an account` : 'that artisan already has an account',
    );
  }
  const created = await loadSessionUser({ userId: String(_id) });
  if (!created) throw new Error(`user ${String(_id)} vanished right after it was created`);
  return created;
}
