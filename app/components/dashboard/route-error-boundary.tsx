import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';

/**
 * The error panel of a dashboard route: a bad filter (400), a missing order (404) or a refused
 * role (403) says so in words; anything else is logged on the server and shown as a failure,
 * while the header and navigation stay usable.
 */
export function DashboardErrorBoundary({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  const error = useRouteError();
  const known = isRouteErrorResponse(error);
  return (
    <section className="error-panel" role="alert" data-testid="route-error">
      <h1>{known ? `${error.status} ${error.statusText || 'Error'}` : 'This page could not be shown'}</h1>
      <p>
        {known ? String(error.data) : 'Something went wrong on the server. It has been logged; try again in a moment.'}
      </p>
      <p>
        {/* Someone this page is not for is better served by their own start page than by this one. */}
        {known && error.status === 403 ? (
          <Link to="/">Go to your start page</Link>
        ) : (
          <Link to={backTo}>{backLabel}</Link>
        )}
      </p>
    </section>
  );
}
