import { test } from 'node:test';
import { AN, OUTSIDE, hostilePage, startHostileBrowser } from './hostile-helpers.mjs';
import { readEvents } from './organizing-helpers.mjs';
function bigReport(n) {
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(`<tr><td>Person ${i}</td><td>person.${i}@example.org</td><td>613-555-${String(i % 10000).padStart(4, '0')}</td><td>Ottawa</td></tr>`);
  return hostilePage('r', `<style>table{table-layout:fixed;width:800px;border-collapse:collapse}td{padding:0}</style><h1>Report</h1><table><tbody>${rows.join('')}</tbody></table>`);
}
test('debug', { timeout: 600_000 }, async () => {
  const n = Number(process.env.ROWS ?? 10000);
  const s = await startHostileBrowser([AN, OUTSIDE].map((host) => ({ host, path: '/big', body: bigReport(n) })));
  try {
    for (const host of (process.env.HOSTS ?? "o,a").split(",").map((h) => (h === "o" ? OUTSIDE : AN))) {
      const page = await s.browser.context.newPage();
      let t = Date.now();
      await page.goto(`https://${host}/big`, { timeout: 300_000 });
      console.log(host, 'loaded', Date.now() - t);
      await page.bringToFront();
      await page.locator('h1').click();
      await page.keyboard.press('ControlOrMeta+A');
      t = Date.now();
      // time in the page: from the trusted key to the end of the copy event's dispatch
      await page.evaluate(() => { window.__t = []; document.addEventListener('keydown', () => window.__t.push(performance.now()), true); });
      await page.keyboard.press('ControlOrMeta+C');
      console.log(host, 'press returned', Date.now() - t);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      console.log(host, 'next frame', Date.now() - t);
      await page.close();
    }
    console.log(JSON.stringify((await readEvents(s.browser)).filter((e) => e.surface === 'copy').map((e) => [e.verdict, e.counts])));
  } finally { await s.close(); }
});
