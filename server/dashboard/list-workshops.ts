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

/**
 * One page of the workshops table. The network has a few hundred workshops, and their load and
 * earnings are computed for all of them at once (and shared between requests), so filtering and
 * sorting happen here rather than in the database.
 */
export async function listWorkshops({ query, now }: { query: WorkshopListQuery; now: Date }): Promise<WorkshopPage> {
  const summaries = await readWorkshopSummaries({ now });
  const search = query.q?.toLowerCase();
  const matching = summaries.filter(
    (workshop) =>
      (query.active === 'all' || workshop.active) &&
      (!query.skill || workshop.skills.includes(query.skill)) &&
      (!query.area || workshop.area === query.area) &&
      (!search || workshop.code.toLowerCase().includes(search) || workshop.name.toLowerCase().includes(search)),
  );
  const value = SORT_VALUE[query.sort];
  const direction = query.dir === 'asc' ? 1 : -1;
  const sorted = [...matching].sort((left, right) => {
    const a = value(left);
    const b = value(right);
    const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
    return direction * (order || left.code.localeCompare(right.code));
  });
  return { ...pageOf({ rows: sorted, page: query.page, pageSize: WORKSHOP_PAGE_SIZE }), total: sorted.length };
}
