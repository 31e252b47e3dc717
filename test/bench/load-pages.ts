/**
 * The mix of planner pages the load benchmark asks for, as a room of planners and managers browse:
 * the overview over different weeks and skills, order lists filtered, sorted and paged, the
 * workshops list and single workshops, the jobs board by week, workshop and column, and the
 * planning pages with a proposal's views. Deterministic for a given seed, so every run asks the
 * same sequence.
 */
import { WORKSHOP_SORT_COLUMNS } from '#server/dashboard/list-workshops';
import { ORDER_SORT_COLUMNS } from '#server/dashboard/order-list-query';
import { BOARD_COLUMNS } from '#server/dashboard/read-jobs-board';
import { NAIROBI_AREA_NAMES } from '#server/domain/nairobi-areas';
import { ORDER_STATUSES } from '#server/domain/order-status';
import { SKILLS } from '#server/domain/skills';
import { isoWeekLabel, shiftWeekLabel } from '#server/domain/weeks';
import { PLAN_VIEWS } from '#server/planning/read-plan-view';

import type { LoadServerReady } from './load-server';
import { type SeededRandom, seededRandom } from './seeded-random';

export type PageKind = 'overview' | 'orders' | 'workshops' | 'workshop' | 'jobs' | 'plan';

/** Share of page views per kind; the dashboards people keep open come first. */
export const MIX: [PageKind, number][] = [
  ['overview', 0.25],
  ['orders', 0.25],
  ['workshops', 0.12],
  ['workshop', 0.15],
  ['jobs', 0.13],
  ['plan', 0.1],
];

function query(parameters: Record<string, string | number | undefined>): string {
  const entries = Object.entries(parameters).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)]))}`;
}

function pageOf(
  kind: PageKind,
  random: SeededRandom,
  ready: LoadServerReady,
  thisWeek: ReturnType<typeof isoWeekLabel>,
) {
  switch (kind) {
    case 'overview':
      return `/overview${query({
        from: random.maybe(0.3) ? shiftWeekLabel(thisWeek, random.between(-4, 6)) : undefined,
        weeks: random.maybe(0.3) ? random.pick([4, 8, 12, 26]) : undefined,
        skill: random.maybe(0.3) ? random.pick(SKILLS) : undefined,
      })}`;
    case 'orders':
      return `/orders${query({
        status: random.maybe(0.4) ? random.pick(['all', ...ORDER_STATUSES]) : undefined,
        skill: random.maybe(0.2) ? random.pick(SKILLS) : undefined,
        q: random.maybe(0.15) ? random.pick(['an', 'KE', 'store', 'web', 'ma']) : undefined,
        sort: random.maybe(0.4) ? random.pick(ORDER_SORT_COLUMNS) : undefined,
        dir: random.maybe(0.3) ? 'desc' : undefined,
        page: random.maybe(0.5) ? random.between(2, 40) : undefined,
      })}`;
    case 'workshops':
      return `/workshops${query({
        area: random.maybe(0.3) ? random.pick(NAIROBI_AREA_NAMES) : undefined,
        skill: random.maybe(0.2) ? random.pick(SKILLS) : undefined,
        sort: random.maybe(0.5) ? random.pick(WORKSHOP_SORT_COLUMNS) : undefined,
        page: random.maybe(0.5) ? random.between(2, 12) : undefined,
      })}`;
    case 'workshop':
      return `/workshops/${random.pick(ready.workshops).id}`;
    case 'jobs':
      return `/jobs${query({
        week: random.maybe(0.3) ? random.pick(['all', shiftWeekLabel(thisWeek, random.between(-1, 3))]) : undefined,
        workshop: random.maybe(0.3) ? random.pick(ready.workshops).code : undefined,
        column: random.maybe(0.2) ? random.pick(BOARD_COLUMNS) : undefined,
      })}`;
    case 'plan':
      return random.maybe(0.3)
        ? '/planning'
        : `/planning/${ready.planId}${query({
            view: random.pick(PLAN_VIEWS),
            page: random.maybe(0.5) ? random.between(2, 20) : undefined,
          })}`;
  }
}

/** An endless, reproducible sequence of (kind, path) page views. */
export function pageSequence({ ready, seed }: { ready: LoadServerReady; seed: number }) {
  const random = seededRandom(seed);
  const thisWeek = isoWeekLabel(new Date());
  return (): { kind: PageKind; path: string } => {
    let draw = random.next();
    const [kind] = MIX.find(([, share]) => (draw -= share) < 0) ?? MIX[MIX.length - 1];
    return { kind, path: pageOf(kind, random, ready, thisWeek) };
  };
}
