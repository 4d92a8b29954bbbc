#!/usr/bin/env node
/**
 * `npm run test:e2e`: builds the demo-mode extension, then runs tests/e2e/*.test.{ts,mjs} with
 * Node's test runner (tsx loaded, so tests import lib/core to sign grants), one file at a time.
 *
 *   npm run test:e2e                       build, then every e2e test
 *   npm run test:e2e -- --no-build         reuse .e2e/build/chrome-mv3-demo
 *   npm run test:e2e -- smoke              only files whose name contains "smoke"
 *   npm run test:e2e -- --test-name-pattern=popup   (other flags go to `node --test`)
 *
 * Exits with the test runner's status (non-zero on any failure, or if the build fails).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const flags = args.filter((a) => a.startsWith('--') && a !== '--no-build');
const filters = args.filter((a) => !a.startsWith('--'));

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`e2e: Node ${process.versions.node}; run \`. scripts/node22.sh\` first (WXT 0.21 needs Node 22).`);
  process.exit(1);
}

// Firefox's tests live in firefox/ (they build the Firefox extension themselves).
const files = [...readdirSync(HERE), ...readdirSync(join(HERE, 'firefox')).map((f) => `firefox/${f}`)]
  .filter((f) => /\.test\.(ts|mjs)$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort()
  .map((f) => join('tests/e2e', f));
if (files.length === 0) {
  console.error(`e2e: no test file matches ${filters.join(', ') || '*.test.{ts,mjs}'}`);
  process.exit(1);
}

const started = Date.now();
const env = { ...process.env };
if (!skipBuild) {
  try {
    const { buildDemoExtension } = await import('./build.mjs');
    env.VIGIE_E2E_EXTENSION_DIR = await buildDemoExtension();
  } catch (error) {
    console.error(`e2e: wxt build --mode demo failed: ${error?.stack ?? error}`);
    process.exit(1);
  }
  console.log(`e2e: built ${env.VIGIE_E2E_EXTENSION_DIR} in ${Date.now() - started} ms`);
}

const suiteStarted = Date.now();
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=300000', '--test-reporter=spec', ...flags, ...files],
  { cwd: ROOT, env, stdio: 'inherit' },
);
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward).on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  console.log(`e2e: ${files.length} file(s) in ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s (total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(code ?? (signal ? 1 : 0));
});
