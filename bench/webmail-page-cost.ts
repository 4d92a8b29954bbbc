import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchRow } from './types';

/**
 * What the webmail guard costs the page, in real Chromium with the production build: the same
 * Gmail compose page applying a stream of DOM mutations (as Gmail does all day) under its own
 * MutationObserver, where the Gmail content script runs (mail.google.com) and where no content
 * script runs (the fixture server as localhost), in the same browser, in turns. Then the time
 * from pressing Send to the guard's decision (a compliant message: the page's own handler runs
 * after it) and to its dialog (notice missing).
 */
const ROUNDS = 120;
const BATCHES = 250;
const PER_BATCH = 8;
const CLICKS = 25;
const BENCH_PATH = '/mail/u/9/';

/** The page's side: mutations timed in the page, and the Send timings its listeners record. */
const BENCH_SCRIPT = `<script>
(() => {
  // Registered before any content script: runs first for every event on window, in capture.
  const marks = (window.__marks = { down: [], pass: [], click: [], dialog: [] });
  window.addEventListener('pointerdown', () => marks.down.push(performance.now()), true);
  window.addEventListener('click', () => marks.click.push(performance.now()), true);
  document.addEventListener('pointerdown', () => marks.pass.push(performance.now()));
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'VIGIE-DIALOG') marks.dialog.push(performance.now());
  }).observe(document.documentElement, { childList: true, subtree: true });
  // The page's own observer work, as a webmail client has.
  let seen = 0;
  new MutationObserver((records) => { for (const r of records) seen += r.addedNodes.length + r.removedNodes.length; }).observe(document.body, { childList: true, subtree: true });
  const channel = new MessageChannel();
  const yieldTask = () => new Promise((resolve) => { channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
  window.__mutate = async (batches, perBatch) => {
    const list = document.querySelector('[role=main]');
    const start = performance.now();
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < perBatch; i++) {
        const row = document.createElement('div');
        row.className = 'zA';
        row.innerHTML = '<span class="bog">Re: point ' + b + '-' + i + '</span><span class="y2"> - suite de la discussion</span>';
        list.append(row);
        if (list.childElementCount > 300) list.firstElementChild.remove();
      }
      // A task boundary, as between two of the page's own tasks: observers and due frames run here.
      await yieldTask();
    }
    return performance.now() - start;
  };
})();
</script>`;

export async function run(): Promise<BenchRow[]> {
  const { build } = await import('wxt');
  const { launchBrowser } = await import('../tests/e2e/browser.mjs' as string);
  const { startFixtureServer, ROOT } = await import('../tests/e2e/server.mjs' as string);
  const { ROUTES } = await import('../tests/e2e/routes.mjs' as string);
  const { WEBMAIL_ROUTES } = await import('../tests/e2e/routes-webmail.mjs' as string);

  const outDir = join(ROOT, '.e2e/bench-build');
  await build({ root: ROOT, mode: 'production', browser: 'chrome', manifestVersion: 3, outDir, logger: quietLogger() } as never);
  const fixture = readFileSync(join(ROOT, 'tests/fixtures/gmail/compose-popup.en.html'), 'utf8')
    .replace('<script src="/_fixture/gmail.js"></script>', '')
    .replace('</body>', `${BENCH_SCRIPT}</body>`);
  const server = await startFixtureServer({ routes: [...ROUTES, ...WEBMAIL_ROUTES] });
  // The same page where the Gmail content script runs, and at localhost where no content script does.
  server.route({ hosts: ['mail.google.com', 'localhost'], path: BENCH_PATH, body: fixture, type: 'text/html; charset=utf-8' });

  const browser = await launchBrowser({ port: server.port, lang: 'en-US', extensionDir: join(outDir, 'chrome-mv3') });
  try {
    const open = async (url: string): Promise<Tab> => {
      const page = await browser.context.newPage();
      await page.goto(url);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      return { page, cdp };
    };
    const guarded = await open(`https://mail.google.com${BENCH_PATH}`);
    const plain = await open(`https://localhost:${server.port}${BENCH_PATH}`);
    const plainAgain = await open(`https://localhost:${server.port}${BENCH_PATH}`);
    await guarded.page.waitForSelector('[data-vigie-signature]', { timeout: 10_000 });
    if (await plain.page.locator('[data-vigie-signature]').count()) throw new Error('the guard ran on the page meant to run without it');

    const tabs = [guarded, plain, plainAgain];
    for (const tab of tabs) await turn(tab);
    const turns: Turn[][] = [[], [], []];
    for (let round = 0; round < ROUNDS; round++) {
      // A different order each round, so no tab always runs on a just-warmed (or just-loaded) machine.
      for (let k = 0; k < tabs.length; k++) {
        const i = (round + k) % tabs.length;
        turns[i]!.push(await turn(tabs[i]!));
      }
    }
    const [withGuard, without, withoutAgain] = turns as [Turn[], Turn[], Turn[]];
    const share = await guardShare(guarded, () => turn(guarded));
    const sendTimes = await sendToDecision(guarded.page);
    const mutations = BATCHES * PER_BATCH;
    // CPU time of the renderer's main thread, not wall time: another process descheduling the page
    // adds wall time, not CPU time. Each turn is compared with the other page's turn of the same
    // round (same machine state) and the median of those ratios taken. The second page without
    // the guard gives the run's noise floor: how far apart two identical pages came out.
    const paired = (a: Turn[], b: Turn[], key: keyof Turn) => median(a.map((t, i) => t[key] / b[i]![key]));
    return [
      { name: `webmail page cost ratio, with/without the guard (main-thread CPU, ${mutations} mutations a turn)`, value: paired(withGuard, without, 'cpu'), unit: 'ratio', budget: 1.02 },
      { name: 'webmail page cost ratio, noise floor (the same page twice, without the guard)', value: paired(withoutAgain, without, 'cpu'), unit: 'ratio' },
      { name: 'webmail page cost ratio, wall time', value: paired(withGuard, without, 'wall'), unit: 'ratio' },
      { name: "webmail guard's share of the page's main-thread CPU, its DOM calls included (profiled)", value: share * 100, unit: '%' },
      { name: `webmail page, ${mutations} mutations without the guard (median CPU)`, value: median(without.map((t) => t.cpu)), unit: 'ms' },
      { name: 'webmail Send → decision, compliant message (median)', value: median(sendTimes.pass), unit: 'ms', budget: 16 },
      { name: 'webmail Send → decision, compliant message (p95)', value: percentile(sendTimes.pass, 0.95), unit: 'ms' },
      { name: 'webmail Send → dialog shown, notice missing (median)', value: median(sendTimes.dialog), unit: 'ms', budget: 50 },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

interface Tab {
  page: Page;
  cdp: CDPSession;
}

interface Turn {
  wall: number;
  cpu: number;
}

/** One turn: the page's wall time, and the CPU time its main thread (page and content script alike) used. */
async function turn({ page, cdp }: Tab): Promise<Turn> {
  await page.bringToFront();
  const cpuBefore = await threadTime(cdp);
  const wall = await page.evaluate(([b, p]) => (window as unknown as { __mutate: (b: number, p: number) => Promise<number> }).__mutate(b!, p!), [BATCHES, PER_BATCH]);
  return { wall, cpu: (await threadTime(cdp)) - cpuBefore };
}

/**
 * The share of the page's main-thread CPU spent in the extension's own code while the page churns,
 * from V8's sampling profiler: a within-run figure that machine noise cannot skew.
 */
async function guardShare({ page, cdp }: Tab, work: () => Promise<unknown>): Promise<number> {
  await page.bringToFront();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 5; i++) await work();
  const { profile } = await cdp.send('Profiler.stop');
  const byNode = new Map<number, number>();
  profile.samples?.forEach((node: number, i: number) => byNode.set(node, (byNode.get(node) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  // A sample counts as ours when an extension frame is anywhere on its stack: the DOM calls the
  // guard makes (native frames under its functions) are its cost too, not only its own script.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n: { id: number }) => [n.id, n]));
  const oursMemo = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = oursMemo.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id) as { callFrame: { url: string } } | undefined;
    const up = parent.get(id);
    const result = !!node && (node.callFrame.url.startsWith('chrome-extension://') || (up !== undefined && isOurs(up)));
    oursMemo.set(id, result);
    return result;
  };
  let ours = 0;
  let busy = 0;
  for (const node of profile.nodes) {
    const time = byId.has(node.id) ? (byNode.get(node.id) ?? 0) : 0;
    if (node.callFrame.functionName === '(idle)') continue;
    busy += time;
    if (isOurs(node.id)) ours += time;
  }
  return busy > 0 ? ours / busy : 0;
}

/** The main thread's CPU time so far, in ms (Chromium's ThreadTime metric, in seconds). */
async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = metrics.find((m: { name: string }) => m.name === 'ThreadTime')?.value;
  if (value === undefined) throw new Error('Chromium reports no ThreadTime metric');
  return value * 1000;
}

/** Presses Send with the real mouse: first on a compliant message, then with the notice removed. */
async function sendToDecision(page: Page): Promise<{ pass: number[]; dialog: number[] }> {
  const send = page.locator('.aoO').first();
  // Without a grant the block names no section: the subject says it comes from the local.
  await page.locator('input[name=subjectbox]').first().fill('Local 70 – General meeting');
  await page.evaluate(() => Object.assign((window as unknown as { __marks: Record<string, number[]> }).__marks, { down: [], pass: [], click: [], dialog: [] }));
  for (let i = 0; i < CLICKS; i++) await send.click();
  const compliant = await marks(page);
  if (compliant.pass.length !== CLICKS) throw new Error(`the page's own handler ran ${compliant.pass.length} of ${CLICKS} times`);
  const pass = compliant.pass.map((t, i) => t - compliant.down[i]!);

  // Emptied, not removed: a block that disappears without the person typing is put back (a page re-render).
  await page.evaluate(() => document.querySelectorAll('[data-vigie-signature]').forEach((b) => (b.textContent = 'NOTICE')));
  await page.evaluate(() => Object.assign((window as unknown as { __marks: Record<string, number[]> }).__marks, { down: [], pass: [], click: [], dialog: [] }));
  for (let i = 0; i < CLICKS; i++) {
    await send.click();
    await page.waitForFunction((n) => (window as unknown as { __marks: { dialog: number[] } }).__marks.dialog.length > n, i);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('vigie-dialog'));
  }
  const blocked = await marks(page);
  return { pass, dialog: blocked.dialog.map((t, i) => t - blocked.click[i]!) };
}

function marks(page: Page): Promise<Record<'down' | 'pass' | 'click' | 'dialog', number[]>> {
  return page.evaluate(() => (window as unknown as { __marks: Record<'down' | 'pass' | 'click' | 'dialog', number[]> }).__marks);
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function quietLogger() {
  const nothing = () => undefined;
  return { debug: nothing, log: nothing, info: nothing, warn: console.warn, error: console.error, fatal: console.error, success: nothing, level: 0 };
}

if (process.argv[1]?.endsWith('webmail-page-cost.ts')) {
  console.table((await run()).map((r) => ({ measure: r.name, value: +r.value.toFixed(3), unit: r.unit, budget: r.budget ?? '' })));
}
