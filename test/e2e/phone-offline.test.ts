import { mkdirSync } from 'node:fs';

import { type Types } from 'mongoose';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isoWeekLabel } from '#server/domain/weeks';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan, Inspection, Job, PhoneAction, User, Workshop } from '#server/models/index';

import { makeJob } from '../factories/jobs';
import { makeArtisan, makeWorkshop } from '../factories/network';
import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { clearDomainDatabase } from '../support/domain-database';
import { measurePhoneLoad } from '../support/phone-load';
import { cameraPhoto, keptPhoto, pageKeptOffline } from '../support/phone-probes';
import { signIn } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;
const PHONE = { width: 360, height: 740 };

describe(
  'a phone that loses the network in the middle of its work, in Chromium at 360 × 740',
  { timeout: 90_000 },
  () => {
    let server: RunningKiwanda;
    let browser: Browser;
    let artisanContext: BrowserContext;
    let artisan: Page;
    let officerContext: BrowserContext;
    let officer: Page;
    let jobId: string;
    let workshopId: Types.ObjectId;
    let artisanCookie: string;
    let artisanSession: Awaited<ReturnType<typeof signIn>>;
    let officerSession: Awaited<ReturnType<typeof signIn>>;
    const contexts: BrowserContext[] = [];
    // What the phones' pages threw: a page that did not hydrate as served throws here.
    const pageErrors: string[] = [];

    const shoot = async (page: Page, name: string) => {
      if (!screenshotDir) return;
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: `${screenshotDir}/offline-${name}.png`, fullPage: true });
    };
    const phoneContext = async (session: { name: string; value: string }) => {
      const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
      contexts.push(context);
      await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
      return context;
    };

    beforeAll(async () => {
      server = await startTestServer();
      // The worker's database may hold another file's network, with the same factory codes.
      await clearDomainDatabase();
      const workshop = await Workshop.create(makeWorkshop({ area: 'Mathare' }));
      workshopId = workshop._id;
      const maker = await Artisan.create(makeArtisan({ workshop: workshop._id }));
      const job = await Job.create(
        makeJob({ workshop: workshop._id, quantity: 3, pieceRateCents: 40_000, plannedWeek: isoWeekLabel(new Date()) }),
      );
      jobId = String(job._id);
      artisanSession = await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(maker._id) });
      officerSession = await signIn({ baseUrl: server.url, role: 'field_officer' });
      await User.updateOne({ _id: officerSession.user.id }, { $set: { areas: ['Mathare'] } });
      artisanCookie = artisanSession.cookie;
      browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
      artisanContext = await phoneContext(artisanSession);
      artisan = await artisanContext.newPage();
      officerContext = await phoneContext(officerSession);
      officer = await officerContext.newPage();
      for (const page of [artisan, officer]) page.on('pageerror', (error) => pageErrors.push(error.message));
    }, 120_000);

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.close();
    });

    it('queues progress and "ready" offline, reads the page offline, and sends each once when back', async () => {
      await artisan.goto(`${server.url}/my-jobs`);
      await pageKeptOffline(artisan, `data-job-id="${jobId}"`);
      const offer = artisan.locator(`[data-testid="offer"][data-job-id="${jobId}"]`);
      // Accepted offline: the offer's card says it waits to be sent, and asks nothing more.
      await artisanContext.setOffline(true);
      await artisan.getByTestId('offline-notice').waitFor();
      await offer.getByTestId('accept').click();
      await offer.getByTestId('job-pending').waitFor();
      expect(await offer.getByTestId('job-pending').textContent()).toBe('Accepted — waiting to send');
      expect(await offer.getByTestId('accept').count()).toBe(0);
      await shoot(artisan, 'accept-pending');
      expect(await Job.findById(jobId).lean()).toMatchObject({ status: 'offered' });

      // Back online the queue sends it: the card shows the server's answer and the job in hand.
      await artisanContext.setOffline(false);
      const work = artisan.locator(`[data-testid="work"][data-job-id="${jobId}"]`);
      await work.waitFor();
      await work.getByTestId('job-answer').waitFor();
      expect(await work.getByTestId('job-answer').textContent()).toBe('Offer accepted.');
      expect(await artisan.getByTestId('queue-count').count()).toBe(0);
      // The kept copy of the page follows the answer: offline, the page shows the accepted job.
      await pageKeptOffline(artisan, 'data-testid="work"');

      await artisanContext.setOffline(true);
      await artisan.getByTestId('offline-notice').waitFor();
      await work.getByTestId('made-quantity').fill('2');
      await work.getByTestId('save-progress').click();
      await artisan.locator('[data-testid="queue-count"][data-count="1"]').waitFor();
      await work.getByTestId('mark-ready').click();
      await artisan.locator('[data-testid="queue-count"][data-count="2"]').waitFor();
      expect(await artisan.getByTestId('queue-count').textContent()).toBe('2 actions waiting to be sent');
      // Each waiting action on the job's own card, in the order it will be sent.
      expect(await work.locator('[data-testid="job-pending"] li').allTextContents()).toEqual([
        '2 pieces made — waiting to send',
        'Ready for inspection — waiting to send',
      ]);
      expect(await work.getByTestId('mark-ready').count()).toBe(0);
      await shoot(artisan, 'queued');
      expect(await Job.findById(jobId).lean()).toMatchObject({ status: 'accepted', madeQuantity: 0 });

      // Offline, the page comes from the worker's cache and the queue from IndexedDB.
      await artisan.reload();
      await work.waitFor();
      await artisan.locator('[data-testid="queue-count"][data-count="2"]').waitFor();
      await work.locator('[data-testid="job-pending"][data-count="2"]').waitFor();
      // The copy on screen says what it is: no network, the data as it was saved.
      const freshness = artisan.getByTestId('freshness');
      await artisan.locator('[data-testid="freshness"][data-freshness="saved"]').waitFor();
      expect(await freshness.textContent()).toMatch(/^Offline — showing what was saved at \d+ \w+, \d\d:\d\d$/);
      // Said once: the notice beside it only says what still works.
      expect(await artisan.getByTestId('offline-notice').textContent()).toBe(
        'You can still work: actions are sent when the network is back.',
      );
      await shoot(artisan, 'reloaded-offline');

      await artisanContext.setOffline(false);
      await artisan.getByTestId('queue-count').waitFor({ state: 'detached' });
      await artisan.locator(`[data-testid="work"][data-job-id="${jobId}"][data-status="ready_for_qc"]`).waitFor();
      expect(await work.getByTestId('job-pending').count()).toBe(0);
      expect(await work.getByTestId('job-answer').textContent()).toBe('Sent for inspection.');
      await artisan.locator('[data-testid="freshness"][data-freshness="fresh"]').waitFor();
      await shoot(artisan, 'sent');

      // Opened again online: the page comes at once from the copy, then its data fresh from the
      // server, which has a new offer meanwhile; the mark says "updated", not "saved".
      const newOffer = await Job.create(
        makeJob({ workshop: workshopId, quantity: 5, pieceRateCents: 30_000, plannedWeek: isoWeekLabel(new Date()) }),
      );
      const opened = await artisan.goto(`${server.url}/my-jobs`);
      expect(opened?.fromServiceWorker()).toBe(true);
      // The copy it opened from: styles in the page, no script hints (its scripts are precached);
      // the network still sends a first visit the hints, to start those downloads early.
      const copy = await artisan.evaluate(async () => (await caches.match(window.location.href))?.text());
      expect(copy).toContain('<style id="phone-styles">');
      expect(copy).not.toContain('<link rel="modulepreload"');
      expect(copy).toContain('<link data-rel="modulepreload"');
      expect(copy).not.toContain('rel="stylesheet"');
      const fromNetwork = await fetch(`${server.url}/my-jobs`, { headers: { cookie: artisanCookie } });
      expect(await fromNetwork.text()).toContain('<link rel="modulepreload"');
      await artisan.locator(`[data-testid="offer"][data-job-id="${String(newOffer._id)}"]`).waitFor();
      await artisan.locator('[data-testid="freshness"][data-freshness="fresh"]').waitFor();
      expect(await artisan.getByTestId('freshness').textContent()).toMatch(/^Updated \d+ \w+, \d\d:\d\d$/);
      await artisan.goto(`${server.url}/my-jobs/availability`);
      await artisan.getByTestId('declare-absence').waitFor();
      await shoot(artisan, 'availability');

      const job = await Job.findById(jobId).lean();
      // "Ready" means every piece is made.
      expect(job).toMatchObject({ status: 'ready_for_qc', madeQuantity: 3 });
      expect(job?.statusHistory.map((change) => change.to)).toEqual([
        'offered',
        'accepted',
        'in_progress',
        'ready_for_qc',
      ]);
      const applied = await PhoneAction.find({ 'result.jobId': jobId }).sort({ appliedAt: 1 }).lean();
      expect(applied.map((action) => action.kind)).toEqual(['accept', 'progress', 'ready']);

      // The same progress sent again under its id: answered as applied before, nothing changes.
      const progress = applied[1];
      const again = await fetch(`${server.url}/phone-actions`, {
        method: 'POST',
        headers: { cookie: artisanCookie },
        body: new URLSearchParams({ kind: 'progress', jobId, madeQuantity: '1', actionId: progress.actionId }),
      });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ ok: true, replayed: true, status: 'in_progress' });
      expect(await PhoneAction.countDocuments({ actionId: progress.actionId })).toBe(1);
      expect(await Job.findById(jobId).lean()).toMatchObject({ status: 'ready_for_qc', madeQuantity: 3 });
      // Every load above, from the network and from the worker's copy, hydrated as served.
      expect(pageErrors).toEqual([]);
    });

    it('records an inspection with a photo offline, keeps the shrunk photo on the phone, and applies it once', async () => {
      await officer.goto(`${server.url}/inspections/${jobId}`);
      await pageKeptOffline(officer, 'data-testid="inspection-form"');
      await officerContext.setOffline(true);
      await officer.getByTestId('offline-notice').waitFor();
      await officer.fill('input[name="passedQuantity"]', '2');
      await officer.fill('input[name="failedQuantity"]', '1');
      await officer.fill('input[name="defect-scratches"]', '1');
      const camera = await cameraPhoto(officer);
      await officer.setInputFiles('input[name="photo"]', { name: 'camera.png', mimeType: 'image/png', buffer: camera });
      await officer.locator('input[name="photo"][data-photo="ready"]').waitFor({ state: 'attached' });
      await officer.getByTestId('save-inspection').click();
      const pending = officer.getByTestId('job-pending');
      await pending.waitFor();
      expect(await pending.textContent()).toBe('Inspection: 2 passed, 1 failed — waiting to send');
      expect(await officer.getByTestId('inspection-form').count()).toBe(0);
      await shoot(officer, 'inspection-pending');

      // The photo waits in IndexedDB as a Blob, shrunk on the phone to a JPEG of at most 1024 px.
      const kept = await officer.evaluate(keptPhoto);
      expect(kept).toMatchObject({ type: 'image/jpeg' });
      expect(Math.max(kept.width, kept.height)).toBeLessThanOrEqual(1024);
      expect(kept.size).toBeLessThan(camera.length);
      expect(await Inspection.countDocuments({ job: jobId })).toBe(0);

      await officerContext.setOffline(false);
      await officer.waitForURL(/\/inspections\?saved=/);
      expect(await officer.getByTestId('phone-notice').textContent()).toBe('Inspection saved.');
      const inspections = await Inspection.find({ job: jobId }).lean();
      expect(inspections).toHaveLength(1);
      expect(inspections[0]).toMatchObject({ passedQuantity: 2, failedQuantity: 1 });
      expect(await PhoneAction.countDocuments({ kind: 'inspection', 'result.jobId': jobId })).toBe(1);
      // The failed piece is rework for the same artisan.
      expect(await Job.findById(jobId).lean()).toMatchObject({ status: 'failed', passedQuantity: 2 });

      // The photo the phone kept is the one the server now serves.
      const photo = await fetch(`${server.url}/inspections/${jobId}/photos/${String(inspections[0]._id)}`, {
        headers: { cookie: officerSession.cookie },
      });
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/jpeg');
      expect((await photo.arrayBuffer()).byteLength).toBe(kept.size);
      await officer.goto(`${server.url}/inspections/${jobId}`);
      await officer.getByTestId('inspection-photos').locator('img').waitFor();
      await shoot(officer, 'inspection-photo');
    });

    it('answers a refused action from the queue with its reason, and keeps nothing waiting', async () => {
      const refused = await fetch(`${server.url}/phone-actions`, {
        method: 'POST',
        headers: { cookie: artisanCookie },
        body: new URLSearchParams({ kind: 'progress', jobId, madeQuantity: 'many', actionId: 'refused-progress-0001' }),
      });
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { ok: boolean; fields: Record<string, string> };
      expect(body.ok).toBe(false);
      expect(Object.keys(body.fields)).toContain('madeQuantity');
    });

    // Slow 3G times are measured by `npm run bench:phone`; the size is what a phone pays on any network.
    it('sends a phone at most 150 KB of gzipped JavaScript for its first load of each page', async () => {
      for (const [session, path, contentSelector] of [
        [artisanSession, '/my-jobs', '[data-testid="my-work"]'],
        [officerSession, '/inspections', '[data-testid="officer-areas"]'],
      ] as const) {
        const context = await phoneContext(session);
        const load = await measurePhoneLoad(context, await context.newPage(), `${server.url}${path}`, {
          contentSelector,
          slow: false,
        });
        expect(load.scripts.length).toBeGreaterThan(0);
        expect(load.scriptBytes, `${path}: ${JSON.stringify(load.scripts)}`).toBeLessThanOrEqual(150 * 1024);
        console.log(`${path}: ${load.scriptBytes} bytes of script in ${load.scripts.length} files`);
      }
    });
  },
);
