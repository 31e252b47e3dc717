import { normaliseKenyanMobile } from '../domain/kenyan-mobile';
import { Artisan } from '../models/artisan';
import { User } from '../models/user';
import { Workshop } from '../models/workshop';
import { loadSessionUser, type SessionUser } from '../services/users/session-user';

export type UssdCaller =
  /** Not a number Kiwanda holds for anyone. */
  | { kind: 'unknown' }
  /** A number Kiwanda knows, but of no active artisan account (a workshop's line, an artisan without a login, one who left). */
  | { kind: 'not-artisan'; user: SessionUser | null }
  | { kind: 'artisan'; user: SessionUser };

/**
 * Who is dialling, from the number the provider reports. Numbers belong to artisan records
 * (stored +2547…); the artisan's account is the user linked to that record, loaded as a signed-in
 * session would be, so the menu acts with the same actor and permissions as the phone pages.
 */
export async function findUssdCaller({ phoneNumber }: { phoneNumber: string }): Promise<UssdCaller> {
  const phone = normaliseKenyanMobile(phoneNumber);
  if (!phone) return { kind: 'unknown' };
  const artisan = await Artisan.findOne({ phone }, { status: 1 }).lean();
  if (!artisan) {
    return (await Workshop.exists({ phone })) ? { kind: 'not-artisan', user: null } : { kind: 'unknown' };
  }
  const account = await User.findOne({ artisan: artisan._id }, { _id: 1 }).lean();
  const user = account ? await loadSessionUser({ userId: String(account._id) }) : null;
  if (!user || user.role !== 'artisan' || artisan.status === 'left') return { kind: 'not-artisan', user };
  return { kind: 'artisan', user };
}
