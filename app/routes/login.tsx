import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';

import { authenticateUser, DEMO_PASSWORD, listDemoAccounts, ROLE_LABELS, ValidationError } from '../accounts.server';
import { getOptionalUser } from '../auth.server';
import { createUserSession, safeRedirectPath } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Sign in · Kiwanda' }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')));
  }
  const demoAccounts = (await listDemoAccounts()).map((account) => ({
    ...account,
    roleLabel: ROLE_LABELS[account.role],
  }));
  return { demoAccounts, demoPassword: DEMO_PASSWORD };
}

type ActionErrors = { email?: string; password?: string; form?: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = safeRedirectPath(form.get('redirectTo'));
  let user;
  try {
    user = await authenticateUser({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const errors: ActionErrors = {};
    for (const issue of error.issues) errors[issue.field as 'email' | 'password'] ??= issue.message;
    return data({ errors }, { status: 400 });
  }
  if (!user)
    return data(
      { errors: { form: 'That e-mail and password do not match an account.' } as ActionErrors },
      { status: 401 },
    );
  return createUserSession({ request, userId: user.id, redirectTo });
}

export default function Login() {
  const { demoAccounts, demoPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: ActionErrors = actionData?.errors ?? {};
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const redirectTo = searchParams.get('redirectTo') ?? '/';

  return (
    <section className="login">
      <h1>Sign in</h1>
      <Form method="post" className="card login__form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {errors.form ? (
          <p className="notice notice--bad" role="alert">
            {errors.form}
          </p>
        ) : null}
        <label>
          E-mail
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={errors.email ? true : undefined}
          />
          {errors.email ? <span className="login__field-error">{errors.email}</span> : null}
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors.password ? true : undefined}
          />
          {errors.password ? <span className="login__field-error">{errors.password}</span> : null}
        </label>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>

      {demoAccounts.length > 0 ? (
        <div className="card login__demo" data-testid="demo-accounts">
          <h2>Demo network</h2>
          <p className="muted">
            Every demo account uses the password <code>{demoPassword}</code>.
          </p>
          <ul>
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <Form method="post">
                  <input type="hidden" name="redirectTo" value={redirectTo} />
                  <input type="hidden" name="email" value={account.email} />
                  <input type="hidden" name="password" value={demoPassword} />
                  <button type="submit" className="button button--quiet">
                    {account.roleLabel} · {account.email}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
