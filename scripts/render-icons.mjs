/**
 * Renders the installed app's icons (public/icons/*.png, listed in public/manifest.webmanifest)
 * with Chromium, so no image library is needed: the app icon from public/favicon.svg (its rounded
 * corners transparent) and the maskable icon from build/icons/maskable.svg (full bleed, its mark
 * inside the middle 80 % that every mask keeps). Run after changing either SVG:
 *   node scripts/render-icons.mjs
 * and commit the PNGs.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const renders = [
  { source: 'public/favicon.svg', target: 'public/icons/icon-192.png', size: 192 },
  { source: 'public/favicon.svg', target: 'public/icons/icon-512.png', size: 512 },
  { source: 'build/icons/maskable.svg', target: 'public/icons/maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  for (const { source, target, size } of renders) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const svg = readFileSync(source, 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: target, omitBackground: true });
    await page.close();
    console.log(`${target}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
