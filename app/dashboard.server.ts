/** What the dashboard pages share on the server side: who may read them. */
import { requireRole, type SessionUser } from './auth.server';
import { type RequestArgs } from './load-context';

/** The dashboards are the planning area's: planners work in them, managers and admins read them. */
export function requireDashboardReader(args: RequestArgs): Promise<SessionUser> {
  return requireRole(args, 'planning');
}
