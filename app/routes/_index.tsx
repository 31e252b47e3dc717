import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { getOptionalUser } from '../auth.server';
import { homePathFor, navigationFor } from '../navigation.server';

export const meta: MetaFunction = () => [{ title: 'Kiwanda · Virtual factory' }];

/**
 * Visitors see what Kiwanda is and a way to sign in. Planners (and managers and admins) go
 * straight to the overview; everyone else gets a short page of the parts of Kiwanda they use.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await getOptionalUser(args);
  if (!user) return { user: null, links: [] };
  const home = homePathFor(user.role);
  if (home) throw redirect(home);
  return { user: { name: user.name }, links: navigationFor(user.role) };
}

export default function Home() {
  const { user, links } = useLoaderData<typeof loader>();
  return (
    <section className="home">
      <h1>Kiwanda</h1>
      {user ? (
        <>
          <p className="home__lead">Karibu, {user.name}.</p>
          {links.length > 0 ? (
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <Link to={link.to}>{link.label}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>There is nothing for your account to do here yet.</p>
          )}
        </>
      ) : (
        <>
          <p className="home__lead">
            The virtual factory of a make-to-order artisan network: orders in, work planned fairly across home-based
            workshops, made, inspected and paid by mobile money.
          </p>
          <p>
            <Link to="/login" className="button">
              Sign in
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
