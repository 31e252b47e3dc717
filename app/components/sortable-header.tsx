import { Link, useLocation, useSearchParams } from '@remix-run/react';

export interface TableSort {
  sort: string;
  dir: 'asc' | 'desc';
}

/**
 * A table header that sorts by its column through the URL (`?sort=col&dir=asc`), so a sorted
 * view can be shared and works without JavaScript. Sorting resets to the first page. `sortedBy`
 * is the sort the loader applied (defaults included), so the default sort shows its arrow too;
 * other sortable columns show a faint two-way arrow that says they can be sorted.
 */
export function SortableHeader({
  column,
  label,
  sortedBy,
  numeric = false,
}: {
  column: string;
  label: string;
  sortedBy: TableSort;
  numeric?: boolean;
}) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const active = sortedBy.sort === column;
  const next = new URLSearchParams(searchParams);
  next.set('sort', column);
  next.set('dir', active && sortedBy.dir === 'desc' ? 'asc' : 'desc');
  next.delete('page');
  const ariaSort = active ? (sortedBy.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const hint = active
    ? `Sorted by ${label.toLowerCase()}, ${sortedBy.dir === 'asc' ? 'lowest' : 'highest'} first; sort the other way`
    : `Sort by ${label.toLowerCase()}`;
  return (
    <th aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <Link to={`${pathname}?${next}`} preventScrollReset className="sort-link" title={hint}>
        {label}
        <span className={active ? 'sort-arrow sort-arrow--active' : 'sort-arrow'} aria-hidden="true">
          {active ? (sortedBy.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </th>
  );
}
