import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { joinOrStartPlanRun } from '#server/planning/plan-run-registry';
import { type PlanRunOutcome } from '#server/planning/plan-run-types';
import { createWorkshop } from '#server/services/registry/save-workshop';

import { makeActor } from '../factories/actors';
import { startTestServer } from '../support/app-server';
import { clearDomainDatabase } from '../support/domain-database';
import { signIn } from '../support/sign-in';

/**
 * Pages rendered on a page thread (server/page-threads/) are the pages the main thread would
 * render: current after every write made on the main thread, signed out as soon as the session
 * ends there, showing the plan run under way there.
 */
describe('page threads', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  let cookie: string;

  const answered = () => server.pageThreads!.status().reduce((sum, thread) => sum + thread.answered, 0);
  const page = async (path: string, headers: Record<string, string> = { cookie }) => {
    const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
    return { response, html: await response.text() };
  };

  beforeAll(async () => {
    server = await startTestServer({ pageThreads: 1 });
    await clearDomainDatabase();
    ({ cookie } = await signIn({ baseUrl: server.url, role: 'planner' }));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('render GET pages on the thread, with the nonce the security headers name', async () => {
    const before = answered();
    const { response, html } = await page('/workshops');
    expect(response.status).toBe(200);
    expect(html).toContain('</html>');
    expect(answered()).toBe(before + 1);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);

    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.pageThreads).toEqual({ started: 1, ready: 1 });
  });

  it('leave forms to the main thread', async () => {
    const before = answered();
    const response = await fetch(`${server.url}/workshops/new`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: '' }),
    });
    expect(response.status).toBe(400);
    expect(answered()).toBe(before);
  });

  it('show a workshop created on the main thread on the next page the thread renders', async () => {
    // The thread reads the workshops now and keeps them: only the relayed event can drop them.
    expect((await page('/workshops')).html).not.toContain('Thread Lane Beaders');
    await createWorkshop({
      actor: makeActor('planner'),
      now: new Date(),
      code: 'THR-001',
      name: 'Thread Lane Beaders',
      area: 'Kawangware',
      skills: ['ceramic-beads'],
      phone: '0700 300 300',
    });
    expect((await page('/workshops')).html).toContain('Thread Lane Beaders');
  });

  it('refuse a session signed out on the main thread at once', async () => {
    const { cookie: leaving } = await signIn({ baseUrl: server.url, role: 'planner' });
    // Kept by the thread for a few seconds after this page, unless the sign-out reaches it.
    expect((await page('/overview', { cookie: leaving })).response.status).toBe(200);
    const signOut = await fetch(`${server.url}/logout`, {
      method: 'POST',
      headers: { cookie: leaving },
      redirect: 'manual',
    });
    expect(signOut.status).toBe(302);
    const after = await page('/overview', { cookie: leaving });
    expect(after.response.status).toBe(302);
    expect(after.response.headers.get('location')).toMatch(/^\/login/);
  });

  it('show the plan run under way on the main thread', async () => {
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const run = joinOrStartPlanRun(
      { planId: 'thread-test-run', trigger: 'planner', startedAt: new Date(), startedBy: 'Test planner' },
      async (report) => {
        report({ fraction: 0.4, phase: 'solving', message: 'solving the third week' });
        await finished;
        return { planId: 'thread-test-run' } as PlanRunOutcome;
      },
    );
    try {
      expect((await page('/planning')).html).toContain('solving the third week');
    } finally {
      finish();
      await run.outcome;
    }
    expect((await page('/planning')).html).not.toContain('solving the third week');
  });
});
