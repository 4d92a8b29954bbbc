/**
 * Builds the demo-mode extension (`wxt build --mode demo`: trusts the demo key) with WXT's API.
 * The tests build into .e2e/build/ so they never race a person's `wxt` or `wxt build` in .output/.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './server.mjs';

/** @returns {Promise<string>} the folder holding manifest.json */
export async function buildDemoExtension({ outDir = join(ROOT, '.e2e/build') } = {}) {
  const { build } = await import('wxt');
  await build({ root: ROOT, mode: 'demo', browser: 'chrome', manifestVersion: 3, outDir });
  const dir = resolve(outDir, 'chrome-mv3-demo');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build --mode demo wrote no manifest.json in ${dir}`);
  return dir;
}
