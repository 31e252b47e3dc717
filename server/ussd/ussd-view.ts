import { type JobStatus } from '../domain/job-status';
import { type Language } from '../domain/languages';
import { type ArtisanJobCard } from '../services/jobs/read-artisan-jobs';

/**
 * What the USSD menu knows of the artisan dialling in: the shape the pure menu functions
 * (ussd-menu.ts, ussd-screens.ts) read, filled by readUssdView from the phone pages' services.
 */
export interface UssdView {
  name: string;
  language: Language;
  /** The session's offers, in the order first shown (see models/ussd-session.ts). */
  offers: UssdListedJob[];
  /** The session's own work in hand, likewise. */
  work: UssdListedJob[];
  pay: UssdPaySummary;
}

/** A job a list of this session showed, with how it stands now. */
export interface UssdListedJob {
  id: string;
  /** As the phone pages show it, while it is still in the same list; null once it left it. */
  card: ArtisanJobCard | null;
  /** The job's status now (also when it left the list: taken, cancelled, passed, …). */
  status: JobStatus | null;
}

export interface UssdPaySummary {
  paidThisMonthCents: number;
  waitingCents: number;
  dueCents: number;
  /** The artisan's payout in a run not yet paid: waiting for a manager's approval, or being sent. */
  nextPayout: { amountCents: number; state: 'awaiting_approval' | 'sending' } | null;
}

/** The work statuses an artisan may still mark ready from (the rest wait on others). */
export const READY_FROM: readonly JobStatus[] = ['accepted', 'in_progress', 'failed'];
