import { z } from 'zod';

import { oneOf } from '../domain/input-schemas';
import { NAIROBI_AREA_NAMES } from '../domain/nairobi-areas';
import { pageNumber, pageOf } from '../domain/paging';
import { SEARCH_MAX_LENGTH } from '../domain/search-limits';
import { SKILLS } from '../domain/skills';
import { readWorkshopSummaries, type WorkshopSummary } from './read-workshop-summaries';

export const WORKSHOP_SORT_COLUMNS = ['code', 'name', 'area', 'artisans', 'load', 'earnings'] as const;
export type WorkshopSortColumn = (typeof WORKSHOP_SORT_COLUMNS)[number];
const WORKSHOP_PAGE_SIZE = 50;

/** The workshops table's URL: filters, sort and page. */
export const WorkshopListQuery = z.object({
  skill: oneOf(SKILLS).optional(),
  area: z.enum(NAIROBI_AREA_NAMES, { error: 'is not one of the network’s areas' }).optional(),
  /** Part of the workshop's code or name. */
  q: z.string().max(SEARCH_MAX_LENGTH, `is longer than ${SEARCH_MAX_LENGTH} characters`).optional(),
  active: oneOf(['active', 'all']).default('active'),
  sort: oneOf(WORKSHOP_SORT_COLUMNS).default('code'),
  dir: oneOf(['asc', 'desc']).default('asc'),
  page: pageNumber,
});

export type WorkshopListQuery = z.output<typeof WorkshopListQuery>;

export interface WorkshopPage {
  rows: WorkshopSummary[];
  total: number;
  page: number;
  pageCount: number;
}

/** This week's committed share of capacity; a workshop without capacity sorts as if full. */
function loadThisWeek(workshop: WorkshopSummary): number {
  const [week] = workshop.weeks;
  if (!week || week.capacityMinutes === 0) return week && week.committedMinutes > 0 ? Infinity : 0;
  return week.committedMinutes / week.capacityMinutes;
}

const SORT_VALUE: Record<WorkshopSortColumn, (workshop: WorkshopSummary) => string | number> = {
  code: (workshop) => workshop.code,
  name: (workshop) => workshop.name,
  area: (workshop) => workshop.area,
  artisans: (workshop) => workshop.artisans,
  load: loadThisWeek,
  earnings: (workshop) => workshop.earningsThisMonthCents,
};

/** Every workshop in one order of the table, kept per set of kept summaries (see sortedBy). */
const sortedSummaries = new WeakMap<readonly WorkshopSummary[], Map<string, readonly WorkshopSummary[]>>();

/**
 * The summaries in the table's order for `sort` and `dir`, sorted once per set of kept summaries
 * rather than on every request (a few hundred workshops compared by locale). Filtering the sorted
 * list gives the same rows in the same order as sorting the filtered one.
 */
function sortedBy(
  summaries: readonly WorkshopSummary[],
  { sort, dir }: Pick<WorkshopListQuery, 'sort' | 'dir'>,
): readonly WorkshopSummary[] {
  let orders = sortedSummaries.get(summaries);
  if (!orders) {
    orders = new Map();
    sortedSummaries.set(summaries, orders);
  }
  const key = `${sort}|${dir}`;
  let sorted = orders.get(key);
  if (!sorted) {
    const value = SORT_VALUE[sort];
    const direction = dir === 'asc' ? 1 : -1;
    sorted = [...summaries].sort((left, right) => {
      const a = value(left);
      const b = value(right);
      const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
      return direction * (order || left.code.localeCompare(right.code));
    });
    orders.set(key, sorted);
  }
  return sorted;
}

/**
 * One page of the workshops table. The network has a few hundred workshops, and their load and
 * earnings are computed for all of them at once (and shared between requests), so filtering and
 * sorting happen here rather than in the database.
 */
export async function listWorkshops({ query, now }: { query: WorkshopListQuery; now: Date }): Promise<WorkshopPage> {
  const summaries = await readWorkshopSummaries({ now });
  const search = query.q?.toLowerCase();
  const matching = sortedBy(summaries, query).filter(
    (workshop) =>
      (query.active === 'all' || workshop.active) &&
      (!query.skill || workshop.skills.includes(query.skill)) &&
      (!query.area || workshop.area === query.area) &&
      (!search || workshop.code.toLowerCase().includes(search) || workshop.name.toLowerCase().includes(search)),
  );
  return { ...pageOf({ rows: matching, page: query.page, pageSize: WORKSHOP_PAGE_SIZE }), total: matching.length };
}
