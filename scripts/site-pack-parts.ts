import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import type { Entrypoint } from 'wxt';
import { CONTENT_SCRIPT_SITES, sitePackPart } from '../lib/packs/site-parts';

const SITES_JSON = /[\\/]lib[\\/]packs[\\/]sites\.json$/;

/**
 * WXT's `vite:build:extendConfig` hook: a content script (built alone, as WXT builds each) gets
 * a Vite plugin that replaces lib/packs/sites.json with its own part (lib/packs/site-parts.ts).
 * Every other build (background, pages) keeps the whole pack, and so do the CLI and the tests,
 * which read the file itself. A content script missing from CONTENT_SCRIPT_SITES stops the build.
 */
export function narrowSitePackPerContentScript(entrypoints: readonly Entrypoint[], config: { plugins?: unknown[] }): void {
  if (entrypoints.length !== 1 || entrypoints[0]!.type !== 'content-script') return;
  const name = entrypoints[0]!.name;
  const platforms = CONTENT_SCRIPT_SITES[name];
  if (!platforms) throw new Error(`content script "${name}" is not in CONTENT_SCRIPT_SITES (lib/packs/site-parts.ts): name the site-pack platforms it reads`);
  (config.plugins ??= []).push(sitePackPartPlugin(platforms));
}

function sitePackPartPlugin(platforms: readonly string[]): Plugin {
  return {
    name: 'vigie:site-pack-part',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0]!;
      if (!SITES_JSON.test(file)) return null;
      return JSON.stringify(sitePackPart(JSON.parse(readFileSync(file, 'utf8')), platforms));
    },
  };
}
