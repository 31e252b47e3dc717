/**
 * What the phone benches share: the server started in its own process (phone-server.ts) with a
 * signed-in artisan and officer, the two pages they open, and the wait until the service worker
 * holds a page for the next open.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { type Page } from 'playwright-core';

export type PhoneSession = { name: string; value: string };

export interface PhoneBenchServer {
  child: ChildProcess;
  url: string;
  artisan: PhoneSession;
  officer: PhoneSession;
}

/** Starts phone-server.ts and waits for its address and the two sessions. */
export async function startPhoneBenchServer(): Promise<PhoneBenchServer> {
  const child = fork(path.resolve('test/bench/phone-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
    env: process.env,
  });
  const ready = await new Promise<Omit<PhoneBenchServer, 'child'>>((resolve) =>
    child.once('message', (message) => resolve(message as Omit<PhoneBenchServer, 'child'>)),
  );
  return { child, ...ready };
}

/** The pages measured: who opens them, where, and what shows their content. */
export function phoneBenchPages(server: PhoneBenchServer): [PhoneSession, string, string][] {
  return [
    [server.artisan, '/my-jobs', '[data-testid="my-work"]'],
    [server.officer, '/inspections', '[data-testid="inspection-visit"]'],
  ];
}

/** Waits until the service worker runs the page and holds the page itself for next time. */
export async function waitUntilPageCached(page: Page): Promise<void> {
  // Polled from here: waitForFunction would count an async predicate's pending promise as a yes.
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const cached = await page.evaluate(
      async () =>
        navigator.serviceWorker.controller !== null && (await caches.match(window.location.href)) !== undefined,
    );
    if (cached) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the service worker never kept ${page.url()}`);
}
