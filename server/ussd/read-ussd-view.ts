import { Types } from 'mongoose';

import { type Actor } from '../domain/actor';
import { ForbiddenError } from '../domain/errors';
import { type Language } from '../domain/languages';
import { nairobiCalendarDay } from '../domain/weeks';
import { Job } from '../models/job';
import { readArtisanEarnings } from '../services/jobs/read-artisan-earnings';
import { type ArtisanJobCard, readArtisanJobs } from '../services/jobs/read-artisan-jobs';
import { pinSessionLists } from './pin-session-lists';
import { readNextPayout } from './read-next-payout';
import { type UssdListedJob, type UssdPaySummary, type UssdView } from './ussd-view';

/** Paid in the Nairobi calendar month holding `now`; waiting and due as the phone's pay page totals them. */
function summarisePay(
  earnings: Awaited<ReturnType<typeof readArtisanEarnings>>,
  now: Date,
): Omit<UssdPaySummary, 'nextPayout'> {
  const today = nairobiCalendarDay(now);
  const thisMonth = (at: Date | null) => {
    if (!at) return false;
    const day = nairobiCalendarDay(at);
    return day.year === today.year && day.month === today.month;
  };
  return {
    paidThisMonthCents: earnings.rows
      .filter((row) => row.state === 'paid' && thisMonth(row.at))
      .reduce((sum, row) => sum + row.amountCents, 0),
    waitingCents: earnings.totals.waiting,
    dueCents: earnings.totals.due,
  };
}

/**
 * Everything the menu may show an artisan, read through the phone pages' own services (so the
 * same permission checks apply): offers open to their workshop, their own work in hand, their
 * pay. Lists keep the order the session first showed (pinSessionLists); an item that has since
 * left its list carries its status now, so the menu can say why it is gone.
 */
export async function readUssdView({
  actor,
  name,
  language,
  sessionId,
  now,
}: {
  actor: Actor;
  name: string;
  language: Language;
  sessionId: string;
  now: Date;
}): Promise<UssdView> {
  const { artisanId, userId } = actor;
  if (!artisanId || !userId) throw new ForbiddenError('USSD is for artisans with an account');
  const [jobs, earnings, nextPayout] = await Promise.all([
    readArtisanJobs({ actor }),
    readArtisanEarnings({ actor, now }),
    readNextPayout({ artisanId }),
  ]);
  // A workshop lead's phone page also lists the others' work; USSD keeps to the caller's own.
  const mine = jobs.work.filter((job) => job.artisanId === artisanId);
  const pinned = await pinSessionLists({
    sessionId,
    userId,
    current: { offers: jobs.offers.map((job) => job.id), work: mine.map((job) => job.id) },
  });

  const offerCards = new Map(jobs.offers.map((job) => [job.id, job]));
  const workCards = new Map(mine.map((job) => [job.id, job]));
  const left = [
    ...pinned.offers.filter((id) => !offerCards.has(id)),
    ...pinned.work.filter((id) => !workCards.has(id)),
  ];
  const statusNow = new Map(
    left.length === 0
      ? []
      : (await Job.find({ _id: { $in: left.map((id) => new Types.ObjectId(id)) } }, { status: 1 }).lean()).map(
          (job) => [String(job._id), job.status],
        ),
  );
  const listed = (ids: string[], cards: Map<string, ArtisanJobCard>): UssdListedJob[] =>
    ids.map((id) => {
      const card = cards.get(id) ?? null;
      return { id, card, status: card?.status ?? statusNow.get(id) ?? null };
    });

  return {
    name,
    language,
    offers: listed(pinned.offers, offerCards),
    work: listed(pinned.work, workCards),
    pay: { ...summarisePay(earnings, now), nextPayout },
  };
}
