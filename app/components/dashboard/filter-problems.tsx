import { useSearchParams } from '@remix-run/react';

import { FieldError } from '../field-error';

/**
 * What a list page says about filters it could not use (from `parseFilters`): beside each field,
 * in words that start from the field's label, and the value as typed kept in the field so the
 * person can correct it rather than type it again.
 */
export function useFilterProblems(problems: Record<string, string>) {
  const [searchParams] = useSearchParams();
  return {
    /** The error to show beside a field, or nothing. */
    beside(field: string, label: string) {
      const problem = problems[field];
      return <FieldError message={problem ? `${label} ${problem}.` : undefined} id={`${field}-problem`} />;
    },
    /** The field's value: as typed when it was refused, otherwise what the query used. */
    valueOf(field: string, used: string | undefined) {
      return problems[field] ? (searchParams.get(field) ?? '') : (used ?? '');
    },
    invalid(field: string) {
      return problems[field] ? { 'aria-invalid': true, 'aria-describedby': `${field}-problem` } : {};
    },
  };
}

/** Problems with parameters that have no field of their own (a sort column in an edited URL), in one line. */
export function UnshownFilterProblems({ problems, shown }: { problems: Record<string, string>; shown: string[] }) {
  const rest = Object.entries(problems).filter(([field]) => !shown.includes(field));
  if (rest.length === 0) return null;
  return (
    <p className="notice notice--bad" role="alert" data-testid="filter-problems">
      {`Left out of the list: ${rest.map(([field, problem]) => `${field} ${problem}`).join('; ')}.`}
    </p>
  );
}
