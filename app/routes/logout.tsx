import { redirect, type ActionFunctionArgs } from '@remix-run/node';

import { destroyUserSession } from '../session.server';

/** Signing out is a POST (a form button), so a prefetch or a stray link cannot sign anyone out. */
export async function action(args: ActionFunctionArgs) {
  return destroyUserSession({ ...args, redirectTo: '/login' });
}

export async function loader() {
  return redirect('/');
}
