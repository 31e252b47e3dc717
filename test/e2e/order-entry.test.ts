import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { nairobiDateString } from '#server/domain/weeks';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Order, Product } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { formatDay } from '../../app/format';
import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { collectConsoleErrors } from '../support/console-errors';
import { signIn } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

/** A Nairobi day `days` ahead of today, as "YYYY-MM-DD". */
const daysAhead = (days: number) => nairobiDateString(new Date(Date.now() + days * 86_400_000));

describe('HQ order entry in Chromium', { timeout: 90_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  const shoot = async (name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/e2e-orders-${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoNetwork({
      options: { seed: 'order-entry-e2e', artisans: 40, weeks: 3, referenceDate: new Date() },
      replaceRealData: true,
    });
    const session = await signIn({ baseUrl: server.url, role: 'planner' });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    page = await context.newPage();
    // Refused forms are 400s on purpose.
    collectConsoleErrors(page, consoleErrors, { allowStatuses: [400] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('enters an order by hand: refused fields named beside them, then the order with its promised dates', async () => {
    const product = await Product.findOne({ active: true }).sort({ sku: 1 }).lean();
    if (!product) throw new Error('the demo network has no active product');
    await page.goto(`${server.url}/orders`);
    await page.getByRole('link', { name: 'New order' }).click();
    await page.waitForURL(/\/orders\/new$/);

    await page.getByLabel('Customer').fill('Kazuri Boutique');
    await page.getByLabel('Store or buyer (optional)').fill('Westlands');
    await page.getByLabel('Ship by').fill(formatDay(daysAhead(-3)));
    await page.getByLabel('Line 1 SKU').fill(product.sku);
    await page.getByLabel('Line 1 quantity').fill(String(Math.max(1, product.minimumLot - 1)));
    await page.getByLabel('Line 2 SKU').fill('NO-SUCH-SKU');
    await page.getByLabel('Line 2 quantity').fill('12');
    await page.getByRole('button', { name: 'Enter order' }).click();
    await page.getByTestId('form-error').waitFor();
    await expect
      .poll(() => page.locator('.field-error').allTextContents())
      .toEqual(
        expect.arrayContaining([
          'must be after the order is placed (it is in the past)',
          'unknown SKU NO-SUCH-SKU',
          ...(product.minimumLot > 1
            ? [`${product.minimumLot - 1} is below the minimum lot of ${product.minimumLot} for ${product.sku}`]
            : []),
        ]),
      );
    await shoot('new-refused');

    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByLabel('Line 4 SKU').waitFor();
    await page.getByLabel('Ship by').fill(formatDay(daysAhead(21)));
    await page.getByLabel('Line 1 quantity').fill(String(product.minimumLot));
    await page.getByLabel('Line 2 SKU').fill('');
    await page.getByLabel('Line 2 quantity').fill('');
    await page.getByRole('button', { name: 'Enter order' }).click();
    await page.getByTestId('order-entered').waitFor();
    await shoot('entered');
    expect(await page.getByTestId('order-entered').textContent()).toContain(
      `${product.sku} × ${product.minimumLot} by`,
    );
    const reference = (await page.locator('h1').textContent())?.split(' ')[0] ?? '';
    expect(reference).toMatch(/^HQ-/);
    expect(await Order.countDocuments({ reference, source: 'hq', 'customer.name': 'Kazuri Boutique' })).toBe(1);

    await page.goto(`${server.url}/orders?source=hq`);
    await expect.poll(() => page.getByRole('link', { name: reference }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('imports a partner’s purchase order: a bad row shown in the preview, left out on request, the orders listed', async () => {
    const products = await Product.find({ active: true }).sort({ sku: 1 }).limit(2).lean();
    const shipBy = daysAhead(21);
    const csv = [
      'po_number,sku,quantity,ship_by,store',
      `E2E-PO-1,${products[0].sku},${products[0].minimumLot},${shipBy},Flagship`,
      `E2E-PO-1,${products[1].sku},${products[1].minimumLot},${shipBy},Flagship`,
      `E2E-PO-2,NO-SUCH-SKU,12,${shipBy},Flagship`,
      `E2E-PO-3,${products[0].sku},${products[0].minimumLot * 2},${shipBy},Outlet`,
    ].join('\n');
    await page.goto(`${server.url}/orders`);
    await page.getByRole('link', { name: 'Import purchase order' }).click();
    await page.waitForURL(/\/orders\/import$/);
    const partner = (await page.getByLabel('Retail partner').locator('option').allTextContents())[1];
    await page.getByLabel('Retail partner').selectOption({ label: partner });
    await page.getByLabel('CSV file').setInputFiles({ name: 'po.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('preview-summary').textContent()).toBe(
      '2 orders with 3 lines ready; 1 row has problems.',
    );
    expect(await page.locator('tr[data-bad="true"]').textContent()).toContain('unknown SKU NO-SUCH-SKU');
    await shoot('import-preview');

    await page.getByRole('button', { name: 'Import 2 orders' }).click();
    await expect
      .poll(() => page.locator('.field-error').allTextContents())
      .toContain('1 row has problems: fix the file, or choose to leave the bad rows out');
    expect(await Order.countDocuments({ externalRef: /^E2E-PO-/ })).toBe(0);
    await page.getByLabel(/Leave out the 1 bad row/).check();
    await page.getByRole('button', { name: 'Import 2 orders' }).click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain(
      `Imported 2 orders with 3 lines for ${partner}, leaving out 1 bad row`,
    );
    await shoot('import-done');
    const references = await page.getByTestId('import-done').locator('a').allTextContents();
    expect(references).toHaveLength(2);

    await page.goto(`${server.url}/orders?source=retail&sort=placedAt&dir=desc`);
    for (const reference of references)
      await expect.poll(() => page.getByRole('link', { name: reference }).count()).toBe(1);

    await page.getByRole('link', { name: references[0] }).click();
    await page.getByTestId('cancel-order').waitFor();
    await shoot('order-cancel-form');
    await page.getByLabel('Reason').selectOption({ label: 'The customer cancelled' });
    await page.getByLabel('Note (needed for “Other”)').fill('Store closed for renovation');
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await page.getByTestId('cancel-reason').waitFor();
    expect(await page.getByTestId('cancel-reason').textContent()).toContain(
      'The customer cancelled: Store closed for renovation',
    );
    await shoot('order-cancelled');
    expect(consoleErrors).toEqual([]);
  });
});
