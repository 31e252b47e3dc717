import {
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';

import { ROLE_LABELS } from '#server/domain/roles';

import { getOptionalUser } from '../auth.server';
import { parseForm, runAction } from '../route-input.server';
import { createUserSession, safeRedirectPath } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Sign in · Kiwanda' }];

/** A throttled attempt's answer says when to try again (Retry-After). */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader(args: LoaderFunctionArgs) {
  if (await getOptionalUser(args)) {
    throw redirect(safeRedirectPath(new URL(args.request.url).searchParams.get('redirectTo')));
  }
  const { accounts } = args.context;
  const demoAccounts = (await accounts.listDemoAccounts()).map((account) => ({
    ...account,
    roleLabel: ROLE_LABELS[account.role],
  }));
  return { demoAccounts, demoPassword: accounts.DEMO_PASSWORD };
}

// The service checks the e-mail and password themselves and names the field that is wrong.
const LoginForm = z.object({
  email: z.string().default(''),
  password: z.string().default(''),
  redirectTo: z.string().optional(),
});

export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const { email, password, redirectTo } = await parseForm(args.request, LoginForm);
    // Throttled by account and by address: too many wrong passwords answer 429 with Retry-After.
    const user = await args.context.signIn.attempt({ email, password, address: args.context.client.address });
    throw await createUserSession({ ...args, userId: user.id, redirectTo: safeRedirectPath(redirectTo) });
  });
}

export default function Login() {
  const { demoAccounts, demoPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : null;
  const errors = {
    form: failure && Object.keys(failure.fields).length === 0 ? failure.error : undefined,
    email: failure?.fields.email,
    password: failure?.fields.password,
  };
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
