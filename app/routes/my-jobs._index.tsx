import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { ARTISAN_PHONE_EVENTS } from '#server/domain/events';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { OfferCard, WorkCard } from '../phone/job-cards';
import { phoneLinks, phoneMeta } from '../phone/phone-links';
import { PhoneShell, phoneNotice } from '../phone/phone-shell';
import { artisanTabs } from '../phone/phone-tabs';
import { answerPhoneAction, chooseLanguageAction, newFormNonce, requirePhoneUser } from '../phone/phone-user.server';
import { PHONE_WORDS } from '../phone/phone-words';
import { useActionResult } from '../realtime/use-action-result';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, readForm } from '../route-input.server';

export const links: LinksFunction = phoneLinks;

export const meta: MetaFunction = () => phoneMeta('My jobs');

export async function loader(args: LoaderFunctionArgs) {
  const { actor, language, page } = await requirePhoneUser(args, 'my-jobs');
  const jobs = await answerDomainErrors(() => args.context.phone.readArtisanJobs({ actor }));
  return { jobs, language, page, myId: actor.artisanId ?? '', nonce: newFormNonce() };
}

export async function action(args: ActionFunctionArgs) {
  if ((await readForm(args.request.clone())).get('intent') === 'language') return chooseLanguageAction(args);
  const { actor } = await requirePhoneUser(args, 'my-jobs');
  return answerPhoneAction(args, { actor });
}

export default function MyJobsPage() {
  const { jobs, language, page, myId, nonce } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const words = PHONE_WORDS[language];
  useLiveRevalidation(ARTISAN_PHONE_EVENTS);
  // A workshop lead sees the whole workshop's work: their own first, then the others' to share out.
  const mine = jobs.work.filter((job) => job.artisanId === myId);
  const others = jobs.work.filter((job) => job.artisanId !== myId);

  return (
    <PhoneShell
      page={page}
      words={words}
      language={language}
      tabs={artisanTabs(words)}
      notice={phoneNotice(words, result)}
    >
      <section aria-labelledby="offers-heading" data-testid="offers">
        <h2 id="offers-heading">
          {words.offers} <span className="phone-count">{jobs.offers.length}</span>
        </h2>
        {jobs.offers.length === 0 ? <p className="muted">{words.noOffers}</p> : null}
        {jobs.offers.map((job) => (
          <OfferCard key={job.id} job={job} words={words} nonce={nonce} team={jobs.team} myId={myId} />
        ))}
      </section>
      <section aria-labelledby="work-heading" data-testid="my-work">
        <h2 id="work-heading">{words.myWork}</h2>
        {mine.length === 0 ? <p className="muted">{words.noWork}</p> : null}
        {mine.map((job) => (
          <WorkCard key={job.id} job={job} words={words} nonce={nonce} team={jobs.team} />
        ))}
      </section>
      {others.length > 0 ? (
        <section aria-labelledby="team-heading" data-testid="team-work">
          <h2 id="team-heading">{words.workshopWork}</h2>
          {others.map((job) => (
            <WorkCard key={job.id} job={job} words={words} nonce={nonce} team={jobs.team} />
          ))}
        </section>
      ) : null}
    </PhoneShell>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/my-jobs" backLabel="Back to my jobs" />;
}
