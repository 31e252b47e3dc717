import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';

import { objectIdString } from '#server/domain/input-schemas';
import { ROLE_LABELS, ROLES } from '#server/domain/roles';

import { requireActor } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import { FieldError, fieldErrorOf } from '../components/field-error';
import { AreaBoxes } from '../components/registry/area-boxes';
import { OneTimePasswordNotice } from '../components/registry/one-time-password';
import registryStyles from '../components/registry/registry.css';
import { formatNairobiTime } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { answerDomainErrors, parseForm, parseParams, runAction } from '../route-input.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: designStyles },
  { rel: 'stylesheet', href: registryStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? 'Account'} · Kiwanda` }];

const UserParams = z.object({ userId: objectIdString });

export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireActor(args, 'admin');
  const { userId } = parseParams(args.params, UserParams);
  const user = await answerDomainErrors(() => args.context.users.readUser({ actor, userId }));
  return { user, own: actor.userId === userId };
}

/** Role, reset, deactivation, reactivation: each one form with its intent. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'admin');
    const { userId } = parseParams(args.params, UserParams);
    const { users } = args.context;
    const form = await parseForm(args.request, users.forms.UserActionForm);
    switch (form.intent) {
      case 'role': {
        const { endedSessions } = await users.changeUserRole({ actor, userId, role: form.role, areas: form.areas });
        return { done: 'role' as const, endedSessions, temporaryPassword: null };
      }
      case 'reset': {
        const { endedSessions, temporaryPassword } = await users.resetUserPassword({ actor, userId });
        return { done: 'reset' as const, endedSessions, temporaryPassword };
      }
      case 'deactivate': {
        const { endedSessions } = await users.deactivateUser({ actor, userId });
        return { done: 'deactivate' as const, endedSessions, temporaryPassword: null };
      }
      case 'reactivate':
        await users.reactivateUser({ actor, userId });
        return { done: 'reactivate' as const, endedSessions: 0, temporaryPassword: null };
    }
  });
}

const sessionsWords = (count: number) =>
  count === 0 ? 'They were not signed in anywhere.' : `${count} session${count === 1 ? '' : 's'} ended.`;

export default function Account() {
  const { user, own } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const navigation = useNavigation();
  const failure = result?.ok === false ? result : undefined;
  const errorOf = (...names: string[]) => fieldErrorOf(failure?.fields, ...names);
  const busy = navigation.state === 'submitting';
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to="/admin/users">← Accounts</Link>
          </p>
          <h1>
            {user.name} {user.active ? null : <span className="badge badge--bad">deactivated</span>}
          </h1>
          <p>
            {user.email} · {ROLE_LABELS[user.role]} · last signed in{' '}
            {user.lastSignedInAt ? formatNairobiTime(user.lastSignedInAt) : 'never'}
          </p>
        </div>
      </header>

      {result?.ok === true && result.temporaryPassword ? (
        <OneTimePasswordNotice
          lead={`Password reset. ${sessionsWords(result.endedSessions)}`}
          email={user.email}
          password={result.temporaryPassword}
        />
      ) : null}
      {result?.ok === true && result.done === 'role' ? (
        <p className="notice notice--good" role="status" data-testid="account-done">
          Role saved. {sessionsWords(result.endedSessions)} They sign in again with the new role.
        </p>
      ) : null}
      {result?.ok === true && result.done === 'deactivate' ? (
        <p className="notice notice--good" role="status" data-testid="account-done">
          Deactivated. {sessionsWords(result.endedSessions)} Their open pages are disconnected.
        </p>
      ) : null}
      {result?.ok === true && result.done === 'reactivate' ? (
        <p className="notice notice--good" role="status" data-testid="account-done">
          Reactivated: they can sign in again with their password.
        </p>
      ) : null}
      {failure ? (
        <p className="notice notice--bad" role="alert" data-testid="form-error">
          Not done: {failure.error}
        </p>
      ) : null}

      {user.artisan ? (
        <section className="card">
          <p>
            The account of artisan{' '}
            <Link to={`/workshops/${user.artisan.workshopId}/artisans/${user.artisan.id}`}>
              {user.artisan.name} ({user.artisan.workshopCode})
            </Link>
            . An artisan’s account keeps its role.
          </p>
        </section>
      ) : (
        <Form method="post" className="design-form card" aria-label="Role" data-testid="role-form">
          <h2 className="design-form__wide">Role</h2>
          <input type="hidden" name="intent" value="role" />
          <label>
            Role
            <select name="role" defaultValue={user.role}>
              {ROLES.filter((role) => role !== 'artisan').map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <FieldError message={errorOf('role')} />
          </label>
          <AreaBoxes legend="Areas inspected (field officers only)" checked={user.areas} error={errorOf('areas')} />
          <div className="design-form__actions">
            <button type="submit" className="button" disabled={busy}>
              Save the role
            </button>
            <span className="muted">Saving signs them out everywhere.</span>
          </div>
        </Form>
      )}

      <section className="card" aria-labelledby="access">
        <h2 id="access">Access</h2>
        {own ? (
          <p className="muted">This is your own account: another administrator resets or deactivates it.</p>
        ) : (
          <div className="account-actions">
            <Form method="post">
              <input type="hidden" name="intent" value="reset" />
              <button type="submit" className="button button--quiet" disabled={busy || !user.active}>
                Reset the password
              </button>
            </Form>
            {user.active ? (
              <Form method="post">
                <input type="hidden" name="intent" value="deactivate" />
                <button type="submit" className="button" disabled={busy}>
                  Deactivate the account
                </button>
              </Form>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="reactivate" />
                <button type="submit" className="button" disabled={busy}>
                  Reactivate the account
                </button>
              </Form>
            )}
            <span className="muted">A reset or a deactivation signs them out everywhere at once.</span>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/admin/users" backLabel="Back to the accounts" />;
}
