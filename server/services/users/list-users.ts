import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { type NairobiArea } from '../../domain/nairobi-areas';
import { type Role } from '../../domain/roles';
import { validateField } from '../../domain/validate-input';
import { Artisan } from '../../models/artisan';
import { User } from '../../models/user';
import { Workshop } from '../../models/workshop';
import { assertMayManageAccounts } from './user-admin-permissions';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastSignedInAt: Date | null;
  /** An artisan account's artisan, with the workshop the links lead to. */
  artisan: { id: string; name: string; workshopId: string; workshopCode: string } | null;
  areas: NairobiArea[];
}

/** Every account, active ones first, then by name: for the administrators' accounts page. */
export async function listUsers({ actor }: { actor: Actor }): Promise<UserRow[]> {
  assertMayManageAccounts(actor, 'sees the accounts');
  return rowsOf({});
}

/** One account, for its page. */
export async function readUser({ actor, ...input }: { actor: Actor; userId: string }): Promise<UserRow> {
  assertMayManageAccounts(actor, 'sees the accounts');
  const userId = validateField('userId', objectIdString, input.userId);
  const [row] = await rowsOf({ _id: new Types.ObjectId(userId) });
  if (!row) throw new NotFoundError('user', userId);
  return row;
}

async function rowsOf(filter: { _id?: Types.ObjectId }): Promise<UserRow[]> {
  const users = await User.find(filter).sort({ active: -1, name: 1 }).lean();
  const artisanIds = users.flatMap((user) => (user.artisan ? [user.artisan] : []));
  const artisans = await Artisan.find({ _id: { $in: artisanIds } }, { name: 1, workshop: 1 }).lean();
  const workshops = await Workshop.find({ _id: { $in: artisans.map((a) => a.workshop) } }, { code: 1 }).lean();
  const codeOf = new Map(workshops.map((workshop) => [String(workshop._id), workshop.code]));
  const artisanOf = new Map(
    artisans.map((artisan) => [
      String(artisan._id),
      {
        id: String(artisan._id),
        name: artisan.name,
        workshopId: String(artisan.workshop),
        workshopCode: codeOf.get(String(artisan.workshop)) ?? '',
      },
    ]),
  );
  return users.map((user) => ({
    id: String(user._id),
    name: user.name,
    email: user.email,
    role: user.role,
    active: user.active,
    lastSignedInAt: user.lastSignedInAt ?? null,
    artisan: user.artisan ? (artisanOf.get(String(user.artisan)) ?? null) : null,
    areas: user.areas ?? [],
  }));
}
