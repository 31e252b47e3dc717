import { z } from 'zod';

import { decoyPasswordHash, verifyPassword } from '../../auth/passwords';
import { validateInput } from '../../domain/validate-input';
import { User } from '../../models/user';
import { loadSessionUser, type SessionUser } from './session-user';

const AuthenticateUserInput = z.object({
  email: z.email('enter your e-mail address').transform((email) => email.toLowerCase()),
  password: z.string().min(1, 'enter your password').max(200),
});

/**
 * Checks an e-mail and password. Answers null for a wrong password and for an unknown or
 * deactivated account alike, in about the same time, so sign-in reveals nothing about who exists.
 */
export async function authenticateUser(input: z.input<typeof AuthenticateUserInput>): Promise<SessionUser | null> {
  const { email, password } = validateInput(AuthenticateUserInput, input);
  const user = await User.findOne({ email }).select('+passwordHash').lean();
  const passwordHash = user?.passwordHash ?? (await decoyPasswordHash());
  const matches = await verifyPassword({ passwordHash, password });
  if (!user || !user.active || !matches) return null;
  await User.updateOne({ _id: user._id }, { $set: { lastSignedInAt: new Date() } });
  return loadSessionUser({ userId: String(user._id) });
}
