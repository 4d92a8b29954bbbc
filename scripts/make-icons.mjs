/**
 * Draws Vigie's toolbar icon (an open eye on the organisations' blue, a watch kept) and writes
 * public/icon/{16,32,48,128}.png, which WXT puts in the manifest. Run once after changing the
 * drawing: `node scripts/make-icons.mjs` (renders the SVG in Debian's Chromium; no download).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1a4d8f"/>
  <path d="M14 64 C34 30 94 30 114 64 C94 98 34 98 14 64 Z" fill="#fff"/>
  <circle cx="64" cy="64" r="21" fill="#1a4d8f"/>
  <circle cx="64" cy="64" r="8" fill="#fff"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  mkdirSync('public/icon', { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml,${encodeURIComponent(SVG)}">`);
    writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
