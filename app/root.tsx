import { type LinksFunction, type MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from '@remix-run/react';
import { type ReactNode } from 'react';

import { LiveIndicator } from './components/live-indicator';
import { SocketProvider } from './realtime/socket-context';
import appStyles from './styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
];

export const meta: MetaFunction = () => [{ title: 'Kiwanda' }];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SocketProvider>
          <header className="app-header">
            <NavLink to="/" className="app-header__brand">
              Kiwanda
            </NavLink>
            <nav className="app-header__nav" aria-label="Main" />
            <LiveIndicator />
          </header>
          <main className="app-main">{children}</main>
        </SocketProvider>
        <ScrollRestoration />
        <Scripts />
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
