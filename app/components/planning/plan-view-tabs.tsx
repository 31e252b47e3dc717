import { Form, Link, useLocation } from '@remix-run/react';

import { SEARCH_MAX_LENGTH } from '#server/domain/search-limits';

import { formatCount } from '../../format';
import { UnshownFilterProblems, useFilterProblems } from '../dashboard/filter-problems';

export type PlanViewName = 'assignments' | 'unplaced' | 'changes';

const TABS: { view: PlanViewName; label: string }[] = [
  { view: 'assignments', label: 'Assignments by workshop' },
  { view: 'unplaced', label: 'Unplaced units' },
  { view: 'changes', label: 'What changes' },
];

/** Tabs and the filter of the proposal's tables; both live in the URL so a view can be shared. */
export function PlanViewTabs({
  view,
  query,
  problems,
  counts,
  showChanges,
}: {
  view: PlanViewName;
  query: string;
  /** Filters that could not be used (`parseFilters`), by field. */
  problems: Record<string, string>;
  counts: Record<PlanViewName, number>;
  showChanges: boolean;
}) {
  const { pathname } = useLocation();
  const filters = useFilterProblems(problems);
  const placeholder = view === 'unplaced' ? 'Order, SKU, skill or reason' : 'Workshop code, name or area';
  return (
    <div className="plan-tabs">
      <nav className="plan-tabs__list" aria-label="Proposal tables">
        {TABS.filter((tab) => showChanges || tab.view !== 'changes').map((tab) => (
          <Link
            key={tab.view}
            to={`${pathname}?view=${tab.view}`}
            className={`plan-tabs__tab${tab.view === view ? ' plan-tabs__tab--active' : ''}`}
            aria-current={tab.view === view ? 'page' : undefined}
            preventScrollReset
          >
            {tab.label} <span className="badge">{formatCount(counts[tab.view])}</span>
          </Link>
        ))}
      </nav>
      <Form method="get" className="filters" preventScrollReset>
        <input type="hidden" name="view" value={view} />
        <label>
          Filter
          <input
            type="search"
            name="q"
            defaultValue={filters.valueOf('q', query)}
            placeholder={placeholder}
            maxLength={SEARCH_MAX_LENGTH}
            {...filters.invalid('q')}
          />
          {filters.beside('q', 'The filter')}
        </label>
        <button type="submit" className="button button--quiet">
          Apply
        </button>
      </Form>
      <UnshownFilterProblems problems={problems} shown={['q']} />
    </div>
  );
}
