import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { INSPECTION_QUEUE_EVENTS } from '#server/domain/events';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { formatNairobiTime } from '../format';
import { phoneLinks, phoneMeta } from '../phone/phone-links';
import { PhoneShell } from '../phone/phone-shell';
import { chooseLanguageAction, requirePhoneUser } from '../phone/phone-user.server';
import { PHONE_WORDS } from '../phone/phone-words';
import { QueuedMark } from '../phone/queued-mark';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors } from '../route-input.server';

export const links: LinksFunction = phoneLinks;

export const meta: MetaFunction = () => phoneMeta('Inspections');

export async function loader(args: LoaderFunctionArgs) {
  const { actor, language, page } = await requirePhoneUser(args, 'inspections');
  const queue = await answerDomainErrors(() => args.context.phone.readInspectionQueue({ actor }));
  // Set when the inspection form has just saved one: the list says so.
  const saved = new URL(args.request.url).searchParams.has('saved');
  return { queue, language, page, saved };
}

/** The only form on this page is the language switch. */
export async function action(args: ActionFunctionArgs) {
  return chooseLanguageAction(args);
}

export default function InspectionsPage() {
  const { queue, language, page, saved } = useLoaderData<typeof loader>();
  const words = PHONE_WORDS[language];
  useLiveRevalidation(INSPECTION_QUEUE_EVENTS);

  return (
    <PhoneShell
      page={page}
      words={words}
      language={language}
      tabs={[]}
      notice={saved ? { tone: 'ok', text: words.done.inspection } : null}
    >
      <h2>{words.inspect.title}</h2>
      <p>{words.inspect.lead}</p>
      <p className="muted" data-testid="officer-areas">
        {words.inspect.yourAreas}: {queue.areas.length > 0 ? queue.areas.join(', ') : '—'}
      </p>
      {queue.areas.length === 0 ? <p className="phone-notice phone-notice--bad">{words.inspect.noAreas}</p> : null}
      {queue.areas.length > 0 && queue.groups.length === 0 ? <p className="muted">{words.inspect.none}</p> : null}
      {queue.groups.map((group) => (
        <section key={group.area} aria-label={group.area} data-testid="inspection-area" data-area={group.area}>
          <h2>
            {group.area} <span className="phone-count">{group.visits.length}</span>
          </h2>
          {group.visits.map((visit) => (
            <article key={visit.jobId} className="job-card" data-testid="inspection-visit" data-job-id={visit.jobId}>
              <h3>
                {visit.workshop.code} · {visit.workshop.name}
              </h3>
              <QueuedMark jobId={visit.jobId} words={words} />
              <p>
                {words.inspect.toInspect(visit.awaiting)}: {visit.productName}
                {visit.artisanName ? ` · ${visit.artisanName}` : ''}
              </p>
              <p className="muted">
                {words.inspect.readySince} {formatNairobiTime(visit.readySince)}
              </p>
              <Link to={`/inspections/${visit.jobId}`} className="phone-button" data-testid="open-inspection">
                {words.inspect.open}
              </Link>
            </article>
          ))}
        </section>
      ))}
    </PhoneShell>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/inspections" backLabel="Back to inspections" />;
}
