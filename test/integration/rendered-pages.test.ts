import { createRequire } from 'node:module';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';

import { startTestServer } from '../support/app-server';
import { signIn } from '../support/sign-in';

const pendingTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

// The module Remix's server render makes its routes with, as the server loads it (CommonJS).
const remixRoutes = createRequire(import.meta.url)('@remix-run/react/dist/routes.js') as {
  createServerRoutes: (...args: unknown[]) => unknown;
};

/**
 * What a page costs the server beyond its own render: nothing left behind once it is sent, and
 * nothing derived from the build again.
 */
describe('rendered pages', () => {
  let server: RunningKiwanda;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie } = await signIn({ baseUrl: server.url, role: 'planner' }));
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const ask = async (page: string) => {
    const response = await fetch(`${server.url}${page}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('</html>');
  };

  // React's render timer (entry.server.tsx) is cleared once everything is rendered, and Remix's
  // stream timer once the request ends (remix-request-handler.ts), instead of each holding the
  // page (its tree, its loader data) for seconds after it went out.
  it('leave no timer pending once they are sent', async () => {
    await ask('/orders');
    const before = pendingTimers();
    for (let page = 0; page < 20; page++) await ask('/orders');
    // A few timers come and go with the server's own work (caches, sockets); one per page would be 20.
    expect(pendingTimers() - before).toBeLessThan(5);
  });

  // patches/@remix-run+react: the server routes depend only on the build, so they are made once.
  it('share the server routes Remix made from the build', async () => {
    await ask('/orders');
    const made = vi.spyOn(remixRoutes, 'createServerRoutes');
    for (const page of ['/orders', '/overview', '/workshops', '/jobs', '/orders']) await ask(page);
    expect(made).not.toHaveBeenCalled();
  });
});
