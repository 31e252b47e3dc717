import { OVERVIEW_EVENTS } from '../domain/events';
import { moveKeepsNetworkFigures } from '../domain/job-status';
import { droppedBy } from './read-model-cache';

/**
 * When the overview's kept figures (the page, and the open orders, week totals and headline
 * figures it is made of) are computed afresh: after any of the overview's events (a new order,
 * a cancelled one, a job moving, a plan committed, capacity changing), except a job's move that
 * changes no network figure (an artisan starting an accepted job). One rule, so that no part of
 * the page outlives another.
 */
export const overviewInvalidation = droppedBy(OVERVIEW_EVENTS, {
  'job:status': (event) => (moveKeepsNetworkFigures(event) ? [] : 'all'),
});

/** How long an overview figure is kept at most without an event (the clock moves at-risk dates and time left). */
export const OVERVIEW_MAX_AGE_MS = 60_000;
