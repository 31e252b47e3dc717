import { addDays } from 'date-fns';
import { type Types } from 'mongoose';

import { hashPassword } from '../auth/passwords';
import { type Role } from '../domain/roles';
import { type ArtisanDoc } from '../models/artisan';
import { type JobDoc } from '../models/job';
import { type UserDoc } from '../models/user';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../services/users/list-demo-accounts';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

/** The people at HQ: one demo account per role, and the field officers who inspect the work. */
const DEMO_STAFF: { role: Exclude<Role, 'artisan'>; local: string; name: string }[] = [
  { role: 'planner', local: 'planner', name: 'Njeri Wambui' },
  { role: 'designer', local: 'designer', name: 'Wanjiru Kamau' },
  { role: 'manager', local: 'manager', name: 'Grace Mutua' },
  { role: 'field_officer', local: 'officer', name: 'Joseph Otieno' },
  { role: 'admin', local: 'admin', name: 'Amani Kiwanda' },
];

const OTHER_OFFICERS = [
  'Mercy Atieno',
  'Kevin Mwangi',
  'Purity Njoki',
  'Hassan Abdi',
  'Lucy Wekesa',
  'Dennis Ouma',
  'Faith Chebet',
];

async function userDoc({
  random,
  id,
  email,
  name,
  role,
  password,
  createdAt,
  artisan,
}: {
  random: Random;
  id: Types.ObjectId;
  email: string;
  name: string;
  role: Role;
  password: string;
  createdAt: Date;
  artisan?: Types.ObjectId;
}): Promise<UserDoc> {
  // A salt from the seed keeps the same seed's network identical, hashes included.
  const passwordHash = await hashPassword({ password, salt: random.bytes(16) });
  return {
    _id: id,
    email,
    name,
    role,
    ...(artisan ? { artisan } : {}),
    passwordHash,
    active: true,
    createdAt,
    updatedAt: createdAt,
  };
}

export async function generateStaffUsers({
  random,
  ids,
  referenceDate,
}: {
  random: Random;
  ids: SeededObjectId;
  referenceDate: Date;
}) {
  const createdAt = addDays(referenceDate, -400);
  const users: UserDoc[] = [];
  for (const staff of DEMO_STAFF) {
    const id = ids('user', users.length, createdAt);
    const email = `${staff.local}@${DEMO_EMAIL_DOMAIN}`;
    users.push(
      await userDoc({ random, id, email, name: staff.name, role: staff.role, password: DEMO_PASSWORD, createdAt }),
    );
  }
  for (const name of OTHER_OFFICERS) {
    const id = ids('user', users.length, createdAt);
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}@kiwanda.example`;
    // Real officers set their own password; until then nobody knows this one.
    const password = Buffer.from(random.bytes(24)).toString('base64url');
    users.push(await userDoc({ random, id, email, name, role: 'field_officer', password, createdAt }));
  }
  const byRole = (role: Role) => users.filter((user) => user.role === role);
  return { users, officers: byRole('field_officer').map((user) => user._id), designer: byRole('designer')[0]._id };
}

/**
 * The demo artisan: a woman working this week whose workshop also has an offer waiting, so
 * signing in as her shows jobs to report and one to accept.
 */
export async function generateArtisanUser({
  random,
  ids,
  referenceDate,
  artisans,
  jobs,
}: {
  random: Random;
  ids: SeededObjectId;
  referenceDate: Date;
  artisans: readonly ArtisanDoc[];
  jobs: readonly JobDoc[];
}): Promise<UserDoc> {
  const week = jobs.filter((job) => job.plan && job.createdAt <= referenceDate);
  const workshopsWithOffers = new Set(
    week.filter((job) => job.status === 'offered').map((job) => String(job.workshop)),
  );
  const working = new Set(
    week.filter((job) => job.artisan && job.status !== 'offered').map((job) => String(job.artisan)),
  );
  const candidates = artisans.filter(
    (artisan) => artisan.status === 'active' && artisan.gender === 'female' && working.has(String(artisan._id)),
  );
  const preferred = candidates.filter((artisan) => workshopsWithOffers.has(String(artisan.workshop)));
  const artisan = (
    preferred.length > 0
      ? preferred
      : candidates.length > 0
        ? candidates
        : artisans.filter((a) => a.status === 'active')
  )[0];
  const createdAt = addDays(referenceDate, -200);
  return userDoc({
    random,
    id: ids('user', 100, createdAt),
    email: `artisan@${DEMO_EMAIL_DOMAIN}`,
    name: artisan.name,
    role: 'artisan',
    password: DEMO_PASSWORD,
    createdAt,
    artisan: artisan._id,
  });
}
