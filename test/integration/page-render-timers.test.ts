import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';

import { startTestServer } from '../support/app-server';
import { signIn } from '../support/sign-in';

const pendingTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

/**
 * A page sent leaves nothing behind: React's render timer (entry.server.tsx) is cleared once
 * everything is rendered, and Remix's stream timer once the request ends (remix-request-handler.ts),
 * instead of each holding the page (its tree, its loader data) for seconds after it went out.
 */
describe('a rendered page', () => {
  let server: RunningKiwanda;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('leaves no timer pending once it is sent', async () => {
    const { cookie } = await signIn({ baseUrl: server.url, role: 'planner' });
    const ask = async () => {
      const response = await fetch(`${server.url}/orders`, { headers: { cookie } });
      expect(response.status).toBe(200);
      await response.text();
    };
    await ask();
    const before = pendingTimers();
    for (let page = 0; page < 20; page++) await ask();
    // A few timers come and go with the server's own work (caches, sockets); one per page would be 20.
    expect(pendingTimers() - before).toBeLessThan(5);
  });
});
