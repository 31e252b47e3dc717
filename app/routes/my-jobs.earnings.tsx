import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { ARTISAN_PHONE_EVENTS } from '#server/domain/events';
import type { EarningRow } from '#server/services/jobs/read-artisan-earnings';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { formatKes, formatNairobiTime } from '../format';
import { phoneLinks, phoneMeta } from '../phone/phone-links';
import { PhoneShell } from '../phone/phone-shell';
import { artisanTabs } from '../phone/phone-tabs';
import { chooseLanguageAction, requirePhoneUser } from '../phone/phone-user.server';
import { PHONE_WORDS, type PhoneWords } from '../phone/phone-words';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors } from '../route-input.server';

export const links: LinksFunction = phoneLinks;

export const meta: MetaFunction = () => phoneMeta('My pay');

export async function loader(args: LoaderFunctionArgs) {
  const { actor, language, page } = await requirePhoneUser(args, 'my-jobs');
  const earnings = await answerDomainErrors(() => args.context.phone.readArtisanEarnings({ actor }));
  return { earnings, language, page };
}

/** The only form on this page is the language switch. */
export async function action(args: ActionFunctionArgs) {
  return chooseLanguageAction(args);
}

/** Where one job's money is, in words: paid with the receipt, being sent, due since, waiting since. */
function rowState(row: EarningRow, words: PhoneWords): string {
  const at = row.at ? ` · ${formatNairobiTime(row.at)}` : '';
  if (row.state === 'paid')
    return `${words.earnings.paid}${at}${row.receipt ? ` · ${words.earnings.receipt} ${row.receipt}` : ''}`;
  if (row.paymentStatus === 'sent') return `${words.earnings.sending}${at}`;
  if (row.paymentStatus === 'failed') return words.earnings.retrying;
  if (row.state === 'due') return `${words.earnings.due} (${words.earnings.queued})${at}`;
  return `${words.earnings.waiting}${at}`;
}

export default function MyEarningsPage() {
  const { earnings, language, page } = useLoaderData<typeof loader>();
  const words = PHONE_WORDS[language];
  useLiveRevalidation(ARTISAN_PHONE_EVENTS);
  const states = [
    { key: 'paid', label: words.earnings.paid },
    { key: 'due', label: words.earnings.due },
    { key: 'waiting', label: words.earnings.waiting },
  ] as const;

  return (
    <PhoneShell page={page} words={words} language={language} tabs={artisanTabs(words)}>
      <h2>{words.earnings.title}</h2>
      <div className="phone-totals" data-testid="earning-totals">
        {states.map((state) => (
          <p key={state.key} className={`phone-total phone-total--${state.key}`} data-testid={`total-${state.key}`}>
            <span>{state.label}</span>
            <strong>{formatKes(earnings.totals[state.key])}</strong>
          </p>
        ))}
      </div>
      {earnings.rows.length === 0 ? <p className="muted">{words.earnings.none}</p> : null}
      {earnings.weeks.length > 0 ? (
        <>
          <h2>{words.earnings.byWeek}</h2>
          <table className="phone-table" data-testid="earnings-by-week">
            <thead>
              <tr>
                <th scope="col">{words.week}</th>
                <th scope="col">{words.earnings.short.paid}</th>
                <th scope="col">{words.earnings.short.due}</th>
                <th scope="col">{words.earnings.short.waiting}</th>
              </tr>
            </thead>
            <tbody>
              {earnings.weeks.map((week) => (
                <tr key={week.week}>
                  <th scope="row">{week.week}</th>
                  <td>{formatKes(week.totals.paid)}</td>
                  <td>{formatKes(week.totals.due)}</td>
                  <td>{formatKes(week.totals.waiting)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{words.earnings.byJob}</h2>
          <ul className="phone-list" data-testid="earnings-by-job">
            {earnings.rows.map((row) => (
              <li key={row.jobId} data-job-id={row.jobId} data-state={row.state}>
                <strong>
                  {row.units} × {row.productName}: {formatKes(row.amountCents)}
                </strong>
                <br />
                <span className="muted">
                  {row.week} · {rowState(row, words)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </PhoneShell>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/my-jobs" backLabel="Back to my jobs" />;
}
