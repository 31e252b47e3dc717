import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listenFirst, type BootListener } from '#server/boot-listener';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';
import { User } from '#server/models/index';

import { testConfig } from '../support/app-context';
import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { clearDomainDatabase } from '../support/domain-database';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each page for review by eye. */
const SHOTS = process.env.KIWANDA_SCREENSHOTS;
const shot = (name: string) => (SHOTS ? { path: path.join(SHOTS, `${name}.png`), fullPage: true } : undefined);

describe('a starting Kiwanda in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('while it prepares', () => {
    let listener: BootListener;
    beforeAll(async () => {
      const config = testConfig();
      // Listening with nothing attached yet: the state the port is in before the app is loaded.
      listener = await listenFirst({ config, logger: createLogger(config) });
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => listener.httpServer.close(() => resolve()));
    });

    it('answers /healthz with 503 and its state, and every page with the progress, without JavaScript', async () => {
      const starting = await fetch(`${listener.url}/healthz`);
      expect(starting.status).toBe(503);
      expect(await starting.json()).toMatchObject({ status: 'starting' });

      listener.setup.loadingDemo({ phase: 'writing', label: 'Writing the network to the database', fraction: 0.42 });
      const health = await fetch(`${listener.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: 'loading-demo',
        progress: { phase: 'writing', fraction: 0.42 },
      });

      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const response = await page.goto(`${listener.url}/planning?week=2026-W49`);
      expect(response?.status()).toBe(503);
      await expect(page.locator('h1').textContent()).resolves.toBe('Preparing the demo network');
      expect(await page.getByTestId('setup-phase').textContent()).toBe('Writing the network to the database');
      expect(await page.getByTestId('setup-percent').textContent()).toBe('42');
      await page.screenshot(shot('preparing-1440'));

      // The page refreshes itself: the next progress shows without a click or a script.
      listener.setup.loadingDemo({ phase: 'indexing', label: 'Building the database indexes', fraction: 0.9 });
      await page.getByTestId('setup-percent').filter({ hasText: '90' }).waitFor({ timeout: 6_000 });
      await context.close();
    });
  });

  describe('on an empty database', () => {
    let server: RunningKiwanda;
    beforeAll(async () => {
      server = await startTestServer();
      await clearDomainDatabase();
      await server.close();
      // Started again on the empty database, as `npm start` on a new install.
      server = await startTestServer({ firstRun: true });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    it('offers the demo network or a first administrator, names a wrong field, then signs the administrator in', async () => {
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'first-run' });

      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/orders`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Welcome to Kiwanda');
      expect(await page.getByTestId('load-demo').isVisible()).toBe(true);
      await page.screenshot(shot('first-run-360'));

      await page.fill('#name', 'Wairimu Njoroge');
      await page.fill('#email', 'wairimu@example.org');
      await page.fill('#password', 'a-long-enough-secret');
      await page.fill('#confirmPassword', 'a-different-secret');
      await page.getByTestId('create-administrator').click();
      await page.getByTestId('error-confirmPassword').waitFor();
      expect(await page.getByTestId('error-confirmPassword').textContent()).toContain('does not match');
      // What was typed stays, but for the passwords.
      expect(await page.inputValue('#email')).toBe('wairimu@example.org');
      await page.screenshot(shot('first-run-error-360'));
      expect(await User.countDocuments()).toBe(0);

      await page.fill('#password', 'a-long-enough-secret');
      await page.fill('#confirmPassword', 'a-long-enough-secret');
      await page.getByTestId('create-administrator').click();
      await page.waitForURL(/\/login/);
      const admin = await User.findOne({ email: 'wairimu@example.org' }).lean();
      expect(admin?.role).toBe('admin');
      // A real network's sign-in page lists no demo accounts.
      expect(await page.getByTestId('demo-accounts').count()).toBe(0);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      // The form is gone for good: another administrator cannot be made through it.
      const again = await fetch(`${server.url}/first-run/administrator`, {
        method: 'POST',
        body: new URLSearchParams({
          name: 'Intruder',
          email: 'x@example.org',
          password: 'another-secret-1',
          confirmPassword: 'another-secret-1',
        }),
        redirect: 'manual',
      });
      expect(again.status).not.toBe(303);
      expect(await User.countDocuments()).toBe(1);
      await context.close();
    });
  });
});
