import { closestOf } from '../lookup';
import { lookups, type SitePlatform } from '../site-lookups';
import type { PlatformAdapter, PublishAdapter } from '../types';
import { buttonOf, isPublishLabel, labelOf, readName } from './labels';

/** Selectors and publish labels: lib/packs/sites.json, one platform per network (read from the site pack in force). */
const FACEBOOK = lookups('facebook');
const INSTAGRAM = lookups('instagram');
const X = lookups('x');
const YOUTUBE_STUDIO = lookups('youtube');

type SocialPlatform = Extract<SitePlatform, 'facebook' | 'instagram' | 'x' | 'youtube'>;

/** The nearest composer (an ancestor matching one of `scopes`) that holds `el`, if any. */
function composerOf(el: Element, scopes: readonly string[]): Element | undefined {
  let nearest: Element | undefined;
  for (const scope of scopes) {
    const found = closestOf(el, scope);
    if (found && (!nearest || nearest.contains(found))) nearest = found;
  }
  return nearest;
}

/** A publish button by label inside one of the composer scopes. */
function labelledIn(platform: SocialPlatform, scopes: () => readonly string[]) {
  return (target: Element): HTMLElement | undefined => {
    const button = buttonOf(target);
    if (!button || !isPublishLabel(labelOf(button), platform)) return undefined;
    return composerOf(button, scopes()) ? button : undefined;
  };
}

/** The first publish-control fallback that `target` is inside. */
function publishById(target: Element, fallbacks: readonly string[]): HTMLElement | undefined {
  for (const selector of fallbacks) {
    const found = closestOf<HTMLElement>(target, selector);
    if (found) return found;
  }
  return undefined;
}

const HANDLE = /@[A-Za-z0-9_]{1,15}/;

const facebookPublish: PublishAdapter = {
  publishControl: labelledIn('facebook', () => FACEBOOK.composer.fallbacks),
  actingAccount: (control, doc) => readName(composerOf(control, FACEBOOK.composer.fallbacks) ?? doc, FACEBOOK.account.fallbacks),
};

const instagramPublish: PublishAdapter = {
  publishControl: labelledIn('instagram', () => INSTAGRAM.composer.fallbacks),
  actingAccount: (control, doc) => readName(composerOf(control, INSTAGRAM.composer.fallbacks) ?? doc, INSTAGRAM.account.fallbacks),
};

const xPublish: PublishAdapter = {
  publishControl: (target) => publishById(target, X.publish.fallbacks),
  actingAccount: (_control, doc) => readName(doc, X.account.fallbacks, (s) => HANDLE.exec(s)?.[0] ?? ''),
};

const youtubePublish: PublishAdapter = {
  publishControl: (target) => {
    const button = publishById(target, YOUTUBE_STUDIO.publish.fallbacks) ?? labelledIn('youtube', () => YOUTUBE_STUDIO.composer.fallbacks)(target);
    return button && composerOf(button, YOUTUBE_STUDIO.composer.fallbacks) ? button : undefined;
  },
  actingAccount: (_control, doc) => readName(doc, YOUTUBE_STUDIO.account.fallbacks),
};

export const facebookAdapter: PlatformAdapter = { platform: 'facebook', family: 'social', publish: facebookPublish };
export const instagramAdapter: PlatformAdapter = { platform: 'instagram', family: 'social', publish: instagramPublish };
export const xAdapter: PlatformAdapter = { platform: 'x', family: 'social', publish: xPublish };
export const youtubeAdapter: PlatformAdapter = { platform: 'youtube', family: 'social', publish: youtubePublish };

/** The social adapters, by the host suffix each network's pages live on. */
const BY_HOST: ReadonlyArray<[RegExp, PlatformAdapter]> = [
  [/(?:^|\.)facebook\.com$/, facebookAdapter],
  [/(?:^|\.)instagram\.com$/, instagramAdapter],
  [/^(?:x|twitter)\.com$/, xAdapter],
  [/^studio\.youtube\.com$/, youtubeAdapter],
];

export function socialAdapterFor(host: string): PlatformAdapter | undefined {
  return BY_HOST.find(([pattern]) => pattern.test(host))?.[1];
}
