import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';

import { ValidationError } from '#server/domain/errors';

import { requireActor, requireUser } from '../auth.server';
import { FieldError } from '../components/field-error';
import { parseForm, runAction } from '../route-input.server';
import { createUserSession, safeRedirectPath } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Your password · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  return { mustChoose: user.mustChoosePassword };
}

// The service checks the current password and the new one's length, and names the field.
const PasswordForm = z.object({
  currentPassword: z.string().default(''),
  newPassword: z.string().default(''),
  repeatPassword: z.string().default(''),
  redirectTo: z.string().optional(),
});

export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args);
    const form = await parseForm(args.request, PasswordForm);
    if (form.repeatPassword !== form.newPassword)
      throw ValidationError.forField('repeatPassword', 'is not the same as the new password');
    if (form.newPassword === form.currentPassword)
      throw ValidationError.forField('newPassword', 'is the password you have now: choose another');
    const userId = actor.userId ?? '';
    // Every session of the account ends with the change, this one too; a new one keeps the person
    // who changed it signed in, on this device only.
    await args.context.accountSecurity.changePassword({
      actor,
      userId,
      currentPassword: form.currentPassword,
      newPassword: form.newPassword,
    });
    throw await createUserSession({ ...args, userId, redirectTo: safeRedirectPath(form.redirectTo) });
  });
}

export default function AccountPassword() {
  const { mustChoose } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : null;
  const fieldErrors = failure?.fields ?? {};
  const formError = failure && Object.keys(fieldErrors).length === 0 ? failure.error : undefined;
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  return (
    <section className="login">
      <h1>{mustChoose ? 'Choose your own password' : 'Change your password'}</h1>
      {mustChoose ? (
        <p className="notice" data-testid="must-choose-password">
          You signed in with a one-time password from an administrator. Choose a password of your own to go on.
        </p>
      ) : (
        <p className="muted">Changing it signs you out everywhere else, on every other phone and computer.</p>
      )}
      <Form method="post" className="card login__form" noValidate aria-label="Password">
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
        {formError ? (
          <p className="notice notice--bad" role="alert">
            {formError}
          </p>
        ) : null}
        <label>
          {mustChoose ? 'One-time password' : 'Current password'}
          <input
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={fieldErrors.currentPassword ? true : undefined}
          />
          <FieldError message={fieldErrors.currentPassword} />
        </label>
        <label>
          New password (at least 10 characters)
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            aria-invalid={fieldErrors.newPassword ? true : undefined}
          />
          <FieldError message={fieldErrors.newPassword} />
        </label>
        <label>
          New password again
          <input
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={fieldErrors.repeatPassword ? true : undefined}
          />
          <FieldError message={fieldErrors.repeatPassword} />
        </label>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save my password'}
        </button>
      </Form>
    </section>
  );
}
