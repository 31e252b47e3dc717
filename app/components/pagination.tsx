import { Link, useLocation, useSearchParams } from '@remix-run/react';

/** Previous/next links for server-side pagination; the page lives in the URL. */
export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(searchParams);
    if (target <= 1) next.delete('page');
    else next.set('page', String(target));
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="pagination__disabled">← Previous</span>
      )}
      <span>
        Page {page} of {Math.max(pageCount, 1)} · {total.toLocaleString('en-KE')} rows
      </span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="pagination__disabled">Next →</span>
      )}
    </nav>
  );
}
