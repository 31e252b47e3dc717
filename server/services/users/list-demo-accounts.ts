import { type Role } from '../../domain/roles';
import { User } from '../../models/user';

/** The demo network's accounts share this domain and one published password. */
export const DEMO_EMAIL_DOMAIN = 'demo.kiwanda';
export const DEMO_PASSWORD = 'kiwanda-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
}

/** The demo accounts present in the database (none once a real network replaces the demo). */
export async function listDemoAccounts(): Promise<DemoAccount[]> {
  const users = await User.find({ email: { $regex: /@demo\.kiwanda$/ }, active: true }, { email: 1, name: 1, role: 1 })
    .sort({ email: 1 })
    .lean();
  return users.map((user) => ({ email: user.email, name: user.name, role: user.role }));
}
