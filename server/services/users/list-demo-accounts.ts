import { type Role } from '../../domain/roles';
import { User } from '../../models/user';

/** The demo network's accounts share this domain and one published password. */
export const DEMO_EMAIL_DOMAIN = 'demo.kiwanda';
export const DEMO_PASSWORD = 'kiwanda-demo';
/** Every account the demo network creates: its demo accounts and its other field officers (kiwanda.example). */
export const DEMO_NETWORK_EMAIL = /@(demo\.kiwanda|kiwanda\.example)$/;

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
}

/**
 * The demo accounts, listed (with the published password) on the sign-in page only while the
 * demo network is what the database holds: once any other account exists (a first
 * administrator, a real network's people), none are listed.
 */
export async function listDemoAccounts(): Promise<DemoAccount[]> {
  if ((await User.exists({ email: { $not: DEMO_NETWORK_EMAIL } })) !== null) return [];
  const users = await User.find({ email: { $regex: /@demo\.kiwanda$/ }, active: true }, { email: 1, name: 1, role: 1 })
    .sort({ email: 1 })
    .lean();
  return users.map((user) => ({ email: user.email, name: user.name, role: user.role }));
}
