/**
 * Which part of the site pack each content script carries. The pack (lib/packs/sites.json) stays
 * one signed, versioned document; the production build hands each content script only its own
 * platforms' selectors, labels and numbers (scripts/site-pack-parts.ts), without the notes written
 * for people (`note`, `sources`, each lookup's `why`), which only the CLI and the options page show.
 * A whole pack cost every script about 5 KB of its 25 KB budget (bench/content-scripts.ts).
 */

/** Content script (entrypoints/<name>.content) → the site-pack platforms its adapters read. */
export const CONTENT_SCRIPT_SITES: Readonly<Record<string, readonly string[]>> = {
  'action-builder': ['action-builder'],
  'action-network': ['action-network'],
  gmail: ['gmail'],
  nationbuilder: ['nationbuilder'],
  nextcloud: ['nextcloud'],
  'organizing-page': [],
  outlook: ['outlook'],
  social: ['facebook', 'instagram', 'x', 'youtube'],
};

/**
 * What a content script bundles: the named platforms, each lookup its fallbacks only. The whole
 * pack, as read from the file or parsed, has this shape too (and more).
 */
export interface SitePackPart {
  vigie: string;
  version: number;
  platforms: Record<string, PlatformPart>;
}

export interface PlatformPart {
  lookups: Record<string, { fallbacks: readonly string[] }>;
  labels?: Record<string, readonly string[]>;
  numbers?: Record<string, number>;
}

/** The part of `pack` for `platforms`; a platform the pack lacks is a build error, not a silent gap. */
export function sitePackPart(pack: SitePackPart, platforms: readonly string[]): SitePackPart {
  const part: SitePackPart = { vigie: pack.vigie, version: pack.version, platforms: {} };
  for (const id of platforms) {
    const sites = pack.platforms[id];
    if (!sites) throw new Error(`the site pack has no platform "${id}" (known: ${Object.keys(pack.platforms).join(', ')})`);
    const lookups = Object.fromEntries(Object.entries(sites.lookups).map(([name, l]) => [name, { fallbacks: l.fallbacks }]));
    part.platforms[id] = { lookups, ...(sites.labels ? { labels: sites.labels } : {}), ...(sites.numbers ? { numbers: sites.numbers } : {}) };
  }
  return part;
}
