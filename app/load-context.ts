import { type LoaderFunctionArgs } from '@remix-run/node';

import { type RequestLoadContext } from '#server/app-context';

/**
 * The load context every loader and action receives: Kiwanda's services, built once at boot
 * (server/app-context.ts), and what is known of the request's client. Only its type is imported here; the values come from the server.
 */
declare module '@remix-run/server-runtime' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs an interface
  interface AppLoadContext extends RequestLoadContext {}
}

/** What the request helpers need from a loader's or action's arguments. */
export type RequestArgs = Pick<LoaderFunctionArgs, 'request' | 'context'>;

// Single fetch is on (remix.config.js): loader and action data are typed as turbo-stream carries
// them, so `data()` answers are unwrapped and Dates stay Dates.
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}
