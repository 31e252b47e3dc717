import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';

import { startTestServer } from '../support/app-server';
import { launchTestBrowser, type TestBrowser } from '../support/browser';
import { collectConsoleErrors } from '../support/console-errors';
import { signIn } from '../support/sign-in';

describe('home page in Chromium', () => {
  let server: RunningKiwanda;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchTestBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('turns the live-connection indicator to connected, then to offline when the server goes away', async () => {
    // Live updates are for signed-in people: the socket handshake is authenticated by the session cookie.
    const { name, value } = await signIn({ baseUrl: server.url, role: 'planner' });
    await browser.context.addCookies([{ name, value, url: server.url }]);
    const page = await browser.context.newPage();
    const consoleErrors = collectConsoleErrors(page, []);

    await page.goto(server.url);
    const indicator = page.getByTestId('live-indicator');
    await indicator.and(page.locator('[data-status="connected"]')).waitFor({ timeout: 10_000 });
    expect(await indicator.textContent()).toContain('connected');

    // The indicator is driven by the socket, not by the page load: cutting the sockets shows it.
    server.io.disconnectSockets(true);
    await indicator.and(page.locator('[data-status="connected"]')).waitFor({ state: 'detached', timeout: 5_000 });
    expect(await indicator.getAttribute('data-status')).not.toBe('connected');

    expect(consoleErrors).toEqual([]);
  });
});
