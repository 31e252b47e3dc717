import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { formatDay } from '../format';
import { phoneLinks, phoneMeta } from '../phone/phone-links';
import { AvailabilityForm } from '../phone/phone-schemas.server';
import { PhoneShell } from '../phone/phone-shell';
import { artisanTabs } from '../phone/phone-tabs';
import { chooseLanguageAction, requirePhoneUser } from '../phone/phone-user.server';
import { PHONE_WORDS } from '../phone/phone-words';
import { answerDomainErrors, parseForm, readForm, runAction } from '../route-input.server';

export const links: LinksFunction = phoneLinks;

export const meta: MetaFunction = () => phoneMeta('Days away');

export async function loader(args: LoaderFunctionArgs) {
  const { actor, language, page } = await requirePhoneUser(args, 'my-jobs');
  const absences = await answerDomainErrors(() =>
    args.context.phone.listArtisanAbsences({ actor, artisanId: actor.artisanId ?? '' }),
  );
  return { absences, language, page };
}

/** Days away go through the capacity module, which tells planners (`capacity:changed`). */
export async function action(args: ActionFunctionArgs) {
  if ((await readForm(args.request.clone())).get('intent') === 'language') return chooseLanguageAction(args);
  const { actor } = await requirePhoneUser(args, 'my-jobs');
  return runAction(async () => {
    const form = await parseForm(args.request, AvailabilityForm);
    if (form.intent === 'cancel') {
      await args.context.phone.cancelAbsence({ actor, absenceId: form.absenceId });
      return { done: 'cancelled' as const };
    }
    await args.context.phone.declareAbsence({
      actor,
      artisanId: actor.artisanId ?? '',
      from: form.from,
      to: form.to,
      reason: form.reason,
    });
    return { done: 'declared' as const };
  });
}

export default function AvailabilityPage() {
  const { absences, language, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const words = PHONE_WORDS[language];
  const notice = !result
    ? null
    : result.ok
      ? { tone: 'ok' as const, text: words.away[result.done] }
      : { tone: 'bad' as const, text: result.error };
  const fieldError = (name: string) =>
    result && !result.ok && result.fields[name] ? (
      <span className="phone-notice phone-notice--bad">{result.fields[name]}</span>
    ) : null;

  return (
    <PhoneShell page={page} words={words} language={language} tabs={artisanTabs(words)} notice={notice}>
      <h2>{words.away.title}</h2>
      <p>{words.away.lead}</p>
      <Form method="post" className="phone-form" data-testid="declare-absence">
        <input type="hidden" name="intent" value="declare" />
        <label className="phone-field">
          {words.away.from}
          <input type="date" name="from" required />
          {fieldError('from')}
        </label>
        <label className="phone-field">
          {words.away.to}
          <input type="date" name="to" required />
          {fieldError('to')}
        </label>
        <label className="phone-field">
          {words.away.reason}
          <input type="text" name="reason" maxLength={200} />
          {fieldError('reason')}
        </label>
        <button type="submit" className="phone-button">
          {words.away.declare}
        </button>
      </Form>
      <h2>{words.away.upcoming}</h2>
      {absences.length === 0 ? <p className="muted">{words.away.none}</p> : null}
      <ul className="phone-list" data-testid="absences">
        {absences.map((absence) => (
          <li key={absence.id}>
            <Form method="post" className="phone-form phone-form--inline">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="absenceId" value={absence.id} />
              <span>
                <strong>
                  {formatDay(absence.from)} – {formatDay(absence.to)}
                </strong>
                {absence.underWay ? ` (${words.away.underWay})` : ''}
                {absence.reason ? <br /> : null}
                {absence.reason ? <span className="muted">{absence.reason}</span> : null}
              </span>
              <button type="submit" className="phone-button phone-button--quiet">
                {words.away.cancel}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </PhoneShell>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/my-jobs/availability" backLabel="Back to days away" />;
}
