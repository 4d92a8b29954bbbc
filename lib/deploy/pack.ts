/**
 * Builds the production extension for the kit and packs it: the Chrome/Edge CRX3 signed with the
 * packing key (the `crx3` package), and the Firefox XPI (web-ext, the tool that also gets it signed
 * by Mozilla). The builds carry the kit's own details: the manifest `key` is the packing key's
 * public half, and `update_url` names the organisation's update host.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackingKey } from './chrome-id';

export interface BuiltExtension {
  dir: string;
  version: string;
}

type Manifest = Record<string, any>;

const quietLogger = () => {
  const quiet = () => {};
  return { debug: quiet, log: quiet, info: quiet, success: quiet, warn: console.warn, error: console.error, fatal: console.error, level: 3 };
};

/** `wxt build` (production mode) for `browser` into `outDir`, with `patch` applied to the manifest. */
export async function buildExtension(root: string, browser: 'chrome' | 'firefox', outDir: string, patch: (m: Manifest) => void): Promise<BuiltExtension> {
  const { build } = await import('wxt');
  await build({
    root,
    mode: 'production',
    browser,
    manifestVersion: 3,
    outDir,
    logger: quietLogger(),
    hooks: { 'build:manifestGenerated': (_wxt: unknown, manifest: Manifest) => patch(manifest) },
  } as Parameters<typeof build>[0]);
  const folder = readdirSync(outDir).find((f) => f.startsWith(`${browser}-mv3`) && existsSync(join(outDir, f, 'manifest.json')));
  if (!folder) throw new Error(`wxt build -b ${browser} wrote no manifest.json under ${outDir}`);
  const dir = join(outDir, folder);
  return { dir, version: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).version };
}

/** The Chrome build's manifest for self-hosting: the packing key's public half, and the update manifest. */
export function chromeManifestPatch(key: PackingKey, updateUrl: string) {
  return (manifest: Manifest) => {
    manifest.key = key.manifestKey;
    manifest.update_url = updateUrl;
  };
}

export function firefoxManifestPatch(updateUrl: string) {
  return (manifest: Manifest) => {
    manifest.browser_specific_settings.gecko.update_url = updateUrl;
  };
}

/** Packs `dir` into a CRX3 signed with the key at `keyPath`; returns the id Chrome will give it. */
export async function packCrx(dir: string, keyPath: string, crxPath: string): Promise<string> {
  // crx3 creates a key when the file is missing; readDeployInput has refused that case already.
  if (!existsSync(keyPath)) throw new Error(`no packing key at ${keyPath}`);
  const { default: crx3 } = await import('crx3');
  const info = await crx3([join(dir, 'manifest.json')], { keyPath, crxPath });
  return info.appId;
}

/** Zips the Firefox build into `xpiPath` with web-ext (what `web-ext sign` uploads is the same zip). */
export async function packXpi(dir: string, xpiPath: string): Promise<void> {
  const { default: webExt } = await import('web-ext');
  const artifactsDir = join(xpiPath, '..');
  mkdirSync(artifactsDir, { recursive: true });
  const name = xpiPath.slice(artifactsDir.length + 1);
  await webExt.cmd.build({ sourceDir: dir, artifactsDir, filename: name, overwriteDest: true }, { showReadyMessage: false, shouldExitProgram: false });
}

/** Copies a built manifest with another version (the e2e update test publishes a "next" release this way). */
export function setManifestVersion(dir: string, version: string): void {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.version = version;
  writeFileSync(file, JSON.stringify(manifest));
}
