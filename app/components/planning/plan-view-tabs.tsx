import { Form, Link, useLocation } from '@remix-run/react';

import { SEARCH_MAX_LENGTH } from '#server/domain/search-limits';

import { formatCount } from '../../format';

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
  counts,
  showChanges,
}: {
  view: PlanViewName;
  query: string;
  counts: Record<PlanViewName, number>;
  showChanges: boolean;
}) {
  const { pathname } = useLocation();
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
          <input type="search" name="q" defaultValue={query} placeholder={placeholder} maxLength={SEARCH_MAX_LENGTH} />
        </label>
        <button type="submit" className="button button--quiet">
          Apply
        </button>
      </Form>
    </div>
  );
}
