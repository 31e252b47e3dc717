// Before anything that defines a schema (see the module).
import './zod-without-eval';

import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { type ReactNode } from 'react';

import { getOptionalUser } from './auth.server';
import { LiveConnectionBanner } from './components/dashboard/live-connection-banner';
import { LiveIndicator } from './components/live-indicator';
import { useCspNonce } from './csp-nonce';
import { navigationFor, roleLabel } from './navigation.server';
import { isPhonePagePath } from './phone/phone-paths';
import { PhoneStyles } from './phone/phone-styles';
import { SocketProvider } from './realtime/socket-context';
import appStyles from './styles/app.css';
import baseStyles from './styles/base.css';
import dashboardStyles from './styles/dashboard.css';

export const links: LinksFunction = () => [{ rel: 'icon', href: '/favicon.ico', sizes: '32x32' }];

/** Desktop pages link these; phone pages carry their own styles inline (PhoneStyles). */
const DESKTOP_STYLE_SHEETS = [baseStyles, appStyles, dashboardStyles];

export const meta: MetaFunction = () => [{ title: 'Kiwanda' }];

interface RootData {
  user: { name: string; role: string; roleLabel: string } | null;
  navigation: { to: string; label: string }[];
}

export async function loader(args: LoaderFunctionArgs): Promise<RootData> {
  const user = await getOptionalUser(args);
  if (!user) return { user: null, navigation: [] };
  return {
    user: { name: user.name, role: user.role, roleLabel: roleLabel(user.role) },
    navigation: navigationFor(user.role),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader itself failed and the error boundary renders.
  const rootData = useRouteLoaderData<typeof loader>('root');
  const user = rootData?.user ?? null;
  const navigation = rootData?.navigation ?? [];
  const nonce = useCspNonce();
  const phonePage = isPhonePagePath(useLocation().pathname);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {phonePage ? (
          <PhoneStyles />
        ) : (
          DESKTOP_STYLE_SHEETS.map((href) => <link key={href} rel="stylesheet" href={href} />)
        )}
        <Links />
      </head>
      <body>
        {/* Live updates need a signed-in user: the socket handshake is authenticated by the session. */}
        <SocketProvider enabled={user !== null}>
          <header className="app-header">
            <NavLink to="/" className="app-header__brand">
              Kiwanda
            </NavLink>
            <nav className="app-header__nav" aria-label="Main">
              {navigation.map((link) => (
                <NavLink key={link.to} to={link.to}>
                  {link.label}
                </NavLink>
              ))}
            </nav>
            {/* Signed out there is no live link to report on, only a sign-in button. */}
            {user ? <LiveIndicator /> : null}
            {user ? (
              <Form method="post" action="/logout" className="app-header__user">
                <NavLink
                  to="/account/password"
                  data-testid="signed-in-user"
                  title={`${user.roleLabel}: change your password`}
                >
                  {user.name}
                </NavLink>
                <button type="submit" className="button button--quiet">
                  Sign out
                </button>
              </Form>
            ) : (
              <NavLink to="/login" className="button button--quiet">
                Sign in
              </NavLink>
            )}
          </header>
          <LiveConnectionBanner />
          <main className="app-main">{children}</main>
        </SocketProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const title = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'Something went wrong';
  const detail = isRouteErrorResponse(error) ? String(error.data) : 'The error has been logged.';
  return (
    <section className="error-panel">
      <h1>{title}</h1>
      <p>{detail}</p>
    </section>
  );
}
