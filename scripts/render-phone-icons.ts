/**
 * Renders the phone app's icons (public/icons/*.png) from public/icons/kiwanda.svg with the same
 * Chromium the browser tests use. Run it after changing the SVG: `npx tsx scripts/render-phone-icons.ts`.
 * The PNGs are committed; Android wants PNGs at 192 and 512 px, and a maskable one whose square
 * background fills the whole icon.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { chromiumPath } from '../test/support/browser';

const ICONS_DIR = path.resolve('public/icons');
const svg = readFileSync(path.join(ICONS_DIR, 'kiwanda.svg'), 'utf8');

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  // Maskable: no rounded corners, the launcher cuts its own shape.
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const source = icon.maskable ? svg.replace('rx="96"', 'rx="0"') : svg;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;height:100vh}</style>${source}`,
    );
    await page.screenshot({ path: path.join(ICONS_DIR, icon.file), omitBackground: true });
    await page.close();
    console.log(`${icon.file}: ${icon.size} px`);
  }
} finally {
  await browser.close();
}
