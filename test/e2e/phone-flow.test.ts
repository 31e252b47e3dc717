import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isoWeekLabel } from '#server/domain/weeks';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan, Job, User, Workshop } from '#server/models/index';

import { makeJob } from '../factories/jobs';
import { makeArtisan, makeWorkshop } from '../factories/network';
import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { clearDomainDatabase } from '../support/domain-database';
import { signIn } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;
const PHONE = { width: 360, height: 740 };

describe('artisans and officers on their phones, in Chromium at 360 × 740', { timeout: 90_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let artisan: Page;
  let officer: Page;
  let jobId: string;
  let secondJobId: string;
  let artisanCookie: string;
  let neighbourCookie: string;
  const contexts: BrowserContext[] = [];

  const shoot = async (page: Page, name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/phone-${name}.png`, fullPage: true });
  };
  const phonePage = async (session: { name: string; value: string }) => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    contexts.push(context);
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    return context.newPage();
  };
  const postAction = (cookie: string, fields: Record<string, string>) =>
    fetch(`${server.url}/my-jobs`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });

  beforeAll(async () => {
    server = await startTestServer();
    // The worker's database may hold another file's network, with the same factory codes.
    await clearDomainDatabase();
    const workshop = await Workshop.create(makeWorkshop({ area: 'Kibera' }));
    const [maker, neighbour] = await Artisan.create([
      makeArtisan({ workshop: workshop._id }),
      makeArtisan({ workshop: workshop._id }),
    ]);
    const [job, second] = await Job.create([
      makeJob({ workshop: workshop._id, quantity: 3, pieceRateCents: 50_000, plannedWeek: isoWeekLabel(new Date()) }),
      makeJob({ workshop: workshop._id, quantity: 2 }),
    ]);
    jobId = String(job._id);
    secondJobId = String(second._id);
    const artisanSession = await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(maker._id) });
    const neighbourSession = await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(neighbour._id) });
    const officerSession = await signIn({ baseUrl: server.url, role: 'field_officer' });
    await User.updateOne({ _id: officerSession.user.id }, { $set: { areas: ['Kibera'] } });
    artisanCookie = artisanSession.cookie;
    neighbourCookie = neighbourSession.cookie;
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    artisan = await phonePage(artisanSession);
    officer = await phonePage(officerSession);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('an artisan accepts, reports and marks ready; an officer fails one unit; the artisan reworks and is due pay', async () => {
    await artisan.goto(`${server.url}/my-jobs`);
    const offer = artisan.locator(`[data-testid="offer"][data-job-id="${jobId}"]`);
    await shoot(artisan, 'offers');
    const acceptBox = await offer.getByTestId('accept').boundingBox();
    expect(acceptBox?.height).toBeGreaterThanOrEqual(44);
    await offer.getByTestId('accept').click();
    const work = artisan.locator(`[data-testid="work"][data-job-id="${jobId}"]`);
    await work.waitFor();
    expect(await artisan.getByTestId('phone-notice').textContent()).toBe('Offer accepted.');

    await work.getByTestId('made-quantity').fill('2');
    await work.getByTestId('save-progress').click();
    await artisan.locator(`[data-testid="work"][data-job-id="${jobId}"][data-status="in_progress"]`).waitFor();
    await work.getByTestId('mark-ready').click();
    await artisan.locator(`[data-testid="work"][data-job-id="${jobId}"][data-status="ready_for_qc"]`).waitFor();
    await shoot(artisan, 'work-ready');

    await officer.goto(`${server.url}/inspections`);
    await officer.locator(`[data-testid="inspection-visit"][data-job-id="${jobId}"]`).waitFor();
    await shoot(officer, 'inspections');
    await officer.locator(`[data-job-id="${jobId}"] [data-testid="open-inspection"]`).click();
    await officer.getByTestId('inspection-form').waitFor();
    await officer.fill('input[name="passedQuantity"]', '2');
    await officer.fill('input[name="failedQuantity"]', '1');
    await officer.fill('input[name="defect-scratches"]', '1');
    await shoot(officer, 'inspection-form');
    await officer.getByTestId('save-inspection').click();
    await officer.waitForURL(/\/inspections\?saved=/);
    expect(await officer.locator(`[data-job-id="${jobId}"]`).count()).toBe(0);

    await artisan.goto(`${server.url}/my-jobs`);
    expect(await work.getByTestId('rework').textContent()).toContain('1');
    await shoot(artisan, 'rework');
    await work.getByTestId('mark-ready').click();
    await artisan.locator(`[data-testid="work"][data-job-id="${jobId}"][data-status="ready_for_qc"]`).waitFor();

    await officer.goto(`${server.url}/inspections/${jobId}`);
    // The officer opened this job before: on a slow answer the phone shows that saved copy first
    // (the first inspection's form), and she inspects once the page says its data is fresh.
    await officer.locator('[data-testid="freshness"][data-freshness="fresh"]').waitFor();
    await officer.getByTestId('save-inspection').click();
    await officer.waitForURL(/\/inspections\?saved=/);

    await artisan.goto(`${server.url}/my-jobs/earnings`);
    expect(await artisan.getByTestId('total-due').textContent()).toMatch(/1,500/);
    await shoot(artisan, 'earnings');
    const job = await Job.findById(jobId).lean();
    expect(job).toMatchObject({ status: 'passed', passedQuantity: 3, failedQuantity: 1 });
  });

  it('refuses another artisan the first one’s job', async () => {
    const response = await postAction(neighbourCookie, {
      kind: 'progress',
      jobId,
      madeQuantity: '1',
      actionId: 'neighbour-attempt-000001',
    });
    expect(response.status).toBe(403);
    expect((await Job.findById(jobId).lean())?.status).toBe('passed');
  });

  it('applies an action sent twice with the same id once, answering the resend as the first', async () => {
    const fields = { kind: 'accept', jobId: secondJobId, actionId: 'replayed-accept-000001' };
    const first = await postAction(artisanCookie, fields);
    const again = await postAction(artisanCookie, fields);
    expect([first.status, again.status]).toEqual([200, 200]);
    const job = await Job.findById(secondJobId).lean();
    expect(job?.statusHistory.map((change) => change.to)).toEqual(['offered', 'accepted']);
  });

  it('speaks Kiswahili once the artisan chooses it', async () => {
    await artisan.goto(`${server.url}/my-jobs`);
    await artisan.getByTestId('language-sw').click();
    await artisan.locator('.phone[lang="sw"]').waitFor();
    expect(await artisan.locator('#work-heading').textContent()).toBe('Kazi yangu');
    await shoot(artisan, 'kiswahili');
  });
});
