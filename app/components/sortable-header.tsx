import { Link, useLocation, useSearchParams } from '@remix-run/react';

/**
 * A table header that sorts by its column through the URL (`?sort=col&dir=asc`), so a sorted
 * view can be shared and works without JavaScript. Sorting resets to the first page.
 */
export function SortableHeader({
  column,
  label,
  numeric = false,
}: {
  column: string;
  label: string;
  numeric?: boolean;
}) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const active = searchParams.get('sort') === column;
  const direction = active && searchParams.get('dir') === 'asc' ? 'asc' : 'desc';
  const next = new URLSearchParams(searchParams);
  next.set('sort', column);
  next.set('dir', active && direction === 'desc' ? 'asc' : 'desc');
  next.delete('page');
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <Link to={`${pathname}?${next}`} preventScrollReset>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </Link>
    </th>
  );
}
