/**
 * The real webmail adapters and selector chains (tests/e2e/webmail-probe.ts) bundled by Vite into
 * one script that a test injects into a fixture page, to run them without the extension.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from './server.mjs';

export async function bundleProbe() {
  const out = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry: join(ROOT, 'tests/e2e/webmail-probe.ts'), formats: ['iife'], name: 'VigieProbe' } },
  });
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}
