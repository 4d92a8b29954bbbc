import { join } from 'node:path';

/**
 * What the real-Chromium benches share: one production build per run, the e2e harness's fixture
 * server and browser launcher (tests/e2e), and the statistics. With and without the extension are
 * the same page at a guarded host (the content script runs) and at `localhost` (none runs), in
 * the same browser, measured in turns.
 */
export const ROOT = join(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, '.e2e/bench-build');
let built: Promise<string> | undefined;

/** Builds the production extension once for the whole run; resolves to its folder. */
export function productionBuild(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('wxt');
    await build({ root: ROOT, mode: 'production', browser: 'chrome', manifestVersion: 3, outDir: OUT_DIR, logger: quietLogger() } as never);
    return join(OUT_DIR, 'chrome-mv3');
  })();
  return built;
}

let demo: Promise<string> | undefined;

/**
 * The demo-mode build (production code that also trusts the demo key): for measures that need a
 * valid grant, such as a copy whose verdict depends on what it holds. Built once per run.
 */
export function demoBuild(): Promise<string> {
  demo ??= (async () => {
    const { buildDemoExtension } = await import('../tests/e2e/build.mjs' as string);
    return buildDemoExtension({ outDir: join(ROOT, '.e2e/bench-demo') });
  })();
  return demo;
}

export async function e2eHarness() {
  const { launchBrowser } = await import('../tests/e2e/browser.mjs' as string);
  const { startFixtureServer } = await import('../tests/e2e/server.mjs' as string);
  const { ROUTES } = await import('../tests/e2e/routes.mjs' as string);
  const { WEBMAIL_ROUTES } = await import('../tests/e2e/routes-webmail.mjs' as string);
  const { inContentWorld } = await import('../tests/e2e/sync-helpers.mjs' as string);
  return { launchBrowser, startFixtureServer, ROUTES: [...ROUTES, ...WEBMAIL_ROUTES], inContentWorld };
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function quietLogger() {
  const nothing = () => undefined;
  return { debug: nothing, log: nothing, info: nothing, warn: console.warn, error: console.error, fatal: console.error, success: nothing, level: 0 };
}

/**
 * The page's side of a timed key press or click: marks taken by listeners registered before any
 * content script (window, capture) and a task queued at the event, which runs once the event's
 * whole task — the guard's decision included — is over; long tasks seen meanwhile. A copy gets
 * its own end mark (Chromium runs a Ctrl+C's copy in a task of its own, after the key's), unless
 * the guard stops it before any page listener: then the moment its dialog is attached is the mark.
 */
export const TIMING_SCRIPT = `<script>
(() => {
  const marks = (window.__marks = { start: [], end: [], pass: [], copyEnd: [], dialog: [], longest: 0 });
  // The dialog's host goes into <body> (or <html>): their own children only, so the page's rows
  // (10 000 of them on a report) are not observed on either side of the comparison.
  const dialogs = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'VIGIE-DIALOG'))) marks.dialog.push(performance.now());
  });
  dialogs.observe(document.documentElement, { childList: true });
  document.addEventListener('DOMContentLoaded', () => dialogs.observe(document.body, { childList: true }));
  const channel = new MessageChannel();
  channel.port1.onmessage = () => marks.end.push(performance.now());
  const copied = new MessageChannel();
  copied.port1.onmessage = () => marks.copyEnd.push(performance.now());
  window.addEventListener('copy', () => copied.port2.postMessage(0), true);
  const start = () => { marks.start.push(performance.now()); channel.port2.postMessage(0); };
  window.addEventListener('keydown', (e) => { if (e.ctrlKey || e.metaKey) start(); }, true);
  window.addEventListener('pointerdown', start, true);
  document.addEventListener('pointerdown', () => marks.pass.push(performance.now()));
  new PerformanceObserver((list) => { for (const e of list.getEntries()) marks.longest = Math.max(marks.longest, e.duration); }).observe({ type: 'longtask' });
})();
</script>`;
