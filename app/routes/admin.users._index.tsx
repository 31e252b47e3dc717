import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { ROLE_LABELS, ROLES } from '#server/domain/roles';

import { requireActor } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import { FieldError, fieldErrorOf } from '../components/field-error';
import { AreaBoxes } from '../components/registry/area-boxes';
import { FormFailure } from '../components/registry/form-failure';
import { OneTimePasswordNotice } from '../components/registry/one-time-password';
import registryStyles from '../components/registry/registry.css';
import { formatNairobiTime } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { answerDomainErrors, parseForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: designStyles },
  { rel: 'stylesheet', href: registryStyles },
];

export const meta = () => [{ title: 'Accounts · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireActor(args, 'admin');
  const users = await answerDomainErrors(() => args.context.users.listUsers({ actor }));
  return { users };
}

/** Opens an account; the answer carries its one-time password, which the page shows once. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'admin');
    const input = await parseForm(args.request, args.context.users.forms.InviteUserForm);
    const { user, temporaryPassword } = await args.context.users.inviteUser({ actor, ...input });
    return { invited: { id: user.id, email: user.email, name: user.name }, temporaryPassword };
  });
}

export default function Accounts() {
  const { users } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const navigation = useNavigation();
  const failure = result?.ok === false ? result : undefined;
  const errorOf = (...names: string[]) => fieldErrorOf(failure?.fields, ...names);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Accounts</h1>
          <p>
            Everyone who signs in to Kiwanda. Opening an account gives a one-time password to hand on; a reset gives a
            new one and a deactivation signs the person out everywhere at once.
          </p>
        </div>
      </header>

      {result?.ok === true ? (
        <OneTimePasswordNotice
          lead={`Account opened for ${result.invited.name}.`}
          email={result.invited.email}
          password={result.temporaryPassword}
        />
      ) : null}

      <section className="card" aria-labelledby="accounts">
        <h2 id="accounts">{users.length} accounts</h2>
        <div className="table-scroll">
          <table className="data" data-testid="users-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>E-mail</th>
                <th>Role</th>
                <th>Artisan or areas</th>
                <th>Status</th>
                <th>Last signed in</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                  </td>
                  <td>{user.email}</td>
                  <td>{ROLE_LABELS[user.role]}</td>
                  <td>
                    {user.artisan ? (
                      <Link to={`/workshops/${user.artisan.workshopId}/artisans/${user.artisan.id}`}>
                        {user.artisan.name} ({user.artisan.workshopCode})
                      </Link>
                    ) : user.areas.length > 0 ? (
                      user.areas.join(', ')
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{user.active ? 'active' : <span className="badge badge--bad">deactivated</span>}</td>
                  <td className="nowrap">
                    {user.lastSignedInAt ? (
                      formatNairobiTime(user.lastSignedInAt)
                    ) : (
                      <span className="muted">never</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {/* Keyed by the last account opened, so the form is empty again for the next one. */}
      <Form
        key={result?.ok === true ? result.invited.id : 'invite'}
        method="post"
        className="design-form card"
        aria-label="Open an account"
        data-testid="invite-form"
      >
        <h2 className="design-form__wide">Open an account</h2>
        <FormFailure error={failure?.error} fields={failure?.fields} />
        <label>
          Name
          <input name="name" required maxLength={120} />
          <FieldError message={errorOf('name')} />
        </label>
        <label>
          E-mail
          <input name="email" type="email" required maxLength={320} />
          <FieldError message={errorOf('email')} />
        </label>
        <label>
          Role
          <select name="role" required defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <FieldError message={errorOf('role')} />
        </label>
        <label>
          Artisan’s M-Pesa number (artisans only)
          <input name="artisanPhone" type="tel" maxLength={20} placeholder="0712 345 678" />
          <FieldError message={errorOf('artisanPhone', 'artisanId')} />
        </label>
        <AreaBoxes legend="Areas inspected (field officers only)" checked={[]} error={errorOf('areas')} />
        <div className="design-form__actions">
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            Open the account
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/admin/users" backLabel="Back to the accounts" />;
}
