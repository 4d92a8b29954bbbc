import type { SitePack } from '../core/site-pack';
import type { PlatformPart, SitePackPart } from '../packs/site-parts';
import bundledJson from '../packs/sites.json';
import type { SelectorChain } from './lookup';

/**
 * The one way adapters read their selectors, label lists and numbers: from the site pack in
 * force. That is the pack bundled with this release (lib/packs/sites.json) until the background
 * hands a content script a newer signed one (GuardSession calls `setActiveSitePack`); every read goes
 * through the views below at the moment it is used, so an open tab takes a site fix without a
 * reload. The code only asks for names it knows, so the names are the bundled pack's; a name
 * the active pack lacks (a whole platform, a lookup, a label list) is read from the bundled pack.
 */

type Bundled = typeof bundledJson.platforms;
export type SitePlatform = keyof Bundled;
type LookupName<P extends SitePlatform> = keyof Bundled[P]['lookups'] & string;
type LabelName<P extends SitePlatform> = Bundled[P] extends { labels: infer L } ? keyof L & string : never;
type NumberName<P extends SitePlatform> = Bundled[P] extends { numbers: infer N } ? keyof N & string : never;

/**
 * The pack bundled with this release: in a content script, only its own platforms' part without
 * the notes for people (lib/packs/site-parts.ts narrows it at build time); elsewhere the whole file.
 * Not parsed here (that would put the CSS parser in every content script):
 * tests/unit/site-pack.test.ts parses it, so a bad selector never ships.
 */
export const BUNDLED_SITES = bundledJson as unknown as SitePackPart;

let active: SitePackPart = BUNDLED_SITES;

/** Puts a pack in force for this script (the background only ever hands one newer than the bundled). */
export function setActiveSitePack(pack: SitePack | undefined): void {
  active = pack ?? BUNDLED_SITES;
}

export function activeSitePack(): SitePackPart {
  return active;
}

function section(platform: string): { active?: PlatformPart; bundled: PlatformPart } {
  return { active: active.platforms[platform], bundled: bundledPart(platform) };
}

/** This script's bundled part for `platform`; one the build left out is a loud error, not empty lookups. */
function bundledPart(platform: string): PlatformPart {
  const part = BUNDLED_SITES.platforms[platform];
  if (!part) throw new Error(`the site pack bundled here has no "${platform}" part: add it to CONTENT_SCRIPT_SITES (lib/packs/site-parts.ts)`);
  return part;
}

export function lookup<P extends SitePlatform>(platform: P, name: LookupName<P>): SelectorChain {
  const { active: a, bundled: b } = section(platform);
  return (a?.lookups[name] ?? b.lookups[name]) as SelectorChain;
}

export function labelList<P extends SitePlatform>(platform: P, name: LabelName<P>): readonly string[] {
  const { active: a, bundled: b } = section(platform);
  return a?.labels?.[name] ?? b.labels?.[name] ?? [];
}

export function numberOf<P extends SitePlatform>(platform: P, name: NumberName<P>): number {
  const { active: a, bundled: b } = section(platform);
  return (a?.numbers?.[name] ?? b.numbers?.[name]) as number;
}

/** Live views: `lookups('gmail').body` reads the pack in force each time it is used. */
export function lookups<P extends SitePlatform>(platform: P): { readonly [N in LookupName<P>]: SelectorChain } {
  return view(Object.keys(bundledPart(platform).lookups), (name) => lookup(platform, name as LookupName<P>));
}

export function labels<P extends SitePlatform>(platform: P): { readonly [N in LabelName<P>]: readonly string[] } {
  return view(Object.keys(bundledPart(platform).labels ?? {}), (name) => labelList(platform, name as LabelName<P>));
}

export function numbers<P extends SitePlatform>(platform: P): { readonly [N in NumberName<P>]: number } {
  return view(Object.keys(bundledPart(platform).numbers ?? {}), (name) => numberOf(platform, name as NumberName<P>));
}

function view<T>(names: readonly string[], read: (name: string) => unknown): T {
  const out = {};
  for (const name of names) Object.defineProperty(out, name, { get: () => read(name), enumerable: true });
  return out as T;
}
