import { Link, useLocation } from '@remix-run/react';

/**
 * Any URL no other route takes. Answering it here (rather than letting Remix find no route)
 * runs the root loader first, so a signed-in person keeps their header and links on a 404.
 */
export async function loader() {
  throw new Response('Not Found', { status: 404, statusText: 'Not Found' });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  const { pathname } = useLocation();
  return (
    <section className="error-panel" role="alert" data-testid="route-error">
      <h1>404 Not Found</h1>
      <p>
        There is no page at <code>{pathname}</code>. It may have moved, or the link was mistyped.
      </p>
      <p>
        <Link to="/">Go to your start page</Link>
      </p>
    </section>
  );
}
