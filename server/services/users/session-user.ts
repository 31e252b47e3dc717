import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { DEFAULT_LANGUAGE, type Language } from '../../domain/languages';
import { type Role } from '../../domain/roles';
import { Artisan } from '../../models/artisan';
import { User } from '../../models/user';

/** The signed-in person as routes, sockets and services see them (never their password hash). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  artisanId: string | null;
  workshopId: string | null;
  /** The language the phone pages speak to them. */
  language: Language;
  /** Signed in with a password an administrator handed out: they choose their own first. */
  mustChoosePassword: boolean;
}

/** Loads an active user with their artisan link; null for an unknown or deactivated user. */
export async function loadSessionUser({ userId }: { userId: string }): Promise<SessionUser | null> {
  if (!Types.ObjectId.isValid(userId)) return null;
  const user = await User.findOne({ _id: new Types.ObjectId(userId), active: true }).lean();
  if (!user) return null;
  const artisan = user.artisan ? await Artisan.findById(user.artisan, { workshop: 1 }).lean() : null;
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    role: user.role,
    artisanId: artisan ? String(artisan._id) : null,
    workshopId: artisan ? String(artisan.workshop) : null,
    language: user.language ?? DEFAULT_LANGUAGE,
    mustChoosePassword: user.passwordIsTemporary === true,
  };
}

export function actorFromUser(user: SessionUser): Actor {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    artisanId: user.artisanId ?? undefined,
    workshopId: user.workshopId ?? undefined,
    label: user.name,
  };
}
