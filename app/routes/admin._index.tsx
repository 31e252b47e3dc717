import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requireRole } from '../auth.server';
import { ADMIN_PAGES } from '../navigation.server';

export const meta: MetaFunction = () => [{ title: 'Admin · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'admin');
  return { pages: ADMIN_PAGES };
}

/** Where the administrators' pages are: one header link instead of one per page. */
export default function AdminIndex() {
  const { pages } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Admin</h1>
          <p>Accounts, sales channels and the settings the rest of Kiwanda reads.</p>
        </div>
      </header>
      <ul className="admin-pages" data-testid="admin-pages">
        {pages.map((page) => (
          <li key={page.to} className="card">
            <h2>
              <Link to={page.to}>{page.label}</Link>
            </h2>
            <p>{page.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
