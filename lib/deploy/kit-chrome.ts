/**
 * The kit's Chrome/Edge half: the production build carrying the packing key's public half and the
 * update manifest's address, the signed CRX3 and updates.xml to publish, and the policy files of
 * Chrome, Chromium and Edge on Linux, Windows and macOS.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PackingKey } from './chrome-id';
import { mobileconfigText } from './mobileconfig';
import { buildExtension, chromeManifestPatch, packCrx } from './pack';
import { chromiumPolicy, type KitIds, type ManagedConfig } from './policies';
import { chromeUpdatesXml } from './update-manifests';
import { windowsRegFile } from './windows-reg';

export type Write = (path: string, body: string | Buffer) => void;

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function chromeHalf(o: {
  repoRoot: string;
  outDir: string;
  workDir: string;
  key: PackingKey;
  keyPath: string;
  ids: KitIds;
  updateBaseUrl: string;
  organisation: string;
  config: ManagedConfig;
  write: Write;
}): Promise<{ version: string; crxFile: string }> {
  const build = await buildExtension(o.repoRoot, 'chrome', o.workDir, chromeManifestPatch(o.key, o.ids.chromeUpdateUrl));
  const crxFile = `vigie-${build.version}.crx`;
  mkdirSync(join(o.outDir, 'publish'), { recursive: true });
  const packedId = await packCrx(build.dir, o.keyPath, join(o.outDir, 'publish', crxFile));
  if (packedId !== o.ids.chromeId) throw new Error(`the packed CRX has id ${packedId}, expected ${o.ids.chromeId}`);
  o.write('publish/updates.xml', chromeUpdatesXml({ id: o.ids.chromeId, version: build.version, crxUrl: `${o.updateBaseUrl}${crxFile}` }));
  // The unpacked build, as packed: to inspect it, or load it for a trial (same id, from its `key`).
  cpSync(build.dir, join(o.outDir, 'chrome/source'), { recursive: true });

  for (const browser of ['chrome', 'chromium', 'edge']) o.write(`linux/${browser}/vigie.json`, json(chromiumPolicy(o.ids, o.config)));
  o.write('windows/vigie-chrome.reg', windowsRegFile('chrome', o.ids, o.config));
  o.write('windows/vigie-edge.reg', windowsRegFile('edge', o.ids, o.config));
  for (const browser of ['chrome', 'edge'] as const) {
    o.write(`macos/vigie-${browser}.mobileconfig`, mobileconfigText(browser, o.organisation, o.ids, o.config));
  }
  return { version: build.version, crxFile };
}
