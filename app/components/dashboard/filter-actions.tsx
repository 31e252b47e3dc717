import { Link } from '@remix-run/react';

/** The submit and reset pair closing every filter form; reset is a plain link to the bare page. */
export function FilterActions({
  submitLabel = 'Filter',
  resetTo,
  resetLabel = 'Clear',
}: {
  submitLabel?: string;
  resetTo: string;
  resetLabel?: string;
}) {
  return (
    <div className="filters__actions">
      <button type="submit" className="button">
        {submitLabel}
      </button>
      <Link to={resetTo} className="button button--quiet">
        {resetLabel}
      </Link>
    </div>
  );
}
