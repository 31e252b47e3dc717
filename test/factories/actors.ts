import { Types } from 'mongoose';

import { type Actor } from '#server/domain/actor';
import { type Role } from '#server/domain/roles';

/** An actor of a role; artisans need their artisan and workshop ids. */
export function makeActor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return { kind: 'user', userId: new Types.ObjectId().toHexString(), role, label: `test ${role}`, ...overrides };
}
