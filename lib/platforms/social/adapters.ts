import type { PlatformAdapter, PublishAdapter } from '../types';
import { buttonOf, isPublishLabel, labelOf, readName } from './labels';
import { FACEBOOK, INSTAGRAM, X, YOUTUBE_STUDIO } from './selectors';

/** A publish button by label inside one of the composer scopes. */
function labelledIn(scopes: readonly string[]) {
  return (target: Element): HTMLElement | undefined => {
    const button = buttonOf(target);
    if (!button || !isPublishLabel(labelOf(button))) return undefined;
    return scopes.some((s) => button.closest(s)) ? button : undefined;
  };
}

const HANDLE = /@[A-Za-z0-9_]{1,15}/;

const facebookPublish: PublishAdapter = {
  publishControl: labelledIn(FACEBOOK.composer.fallbacks),
  actingAccount: (control, doc) => readName(control.closest(FACEBOOK.composer.fallbacks.join(', ')) ?? doc, FACEBOOK.account.fallbacks),
};

const instagramPublish: PublishAdapter = {
  publishControl: labelledIn(INSTAGRAM.composer.fallbacks),
  actingAccount: (control, doc) => readName(control.closest(INSTAGRAM.composer.fallbacks[0]) ?? doc, INSTAGRAM.account.fallbacks),
};

const xPublish: PublishAdapter = {
  publishControl: (target) => target.closest<HTMLElement>(X.publish.fallbacks[0]) ?? undefined,
  actingAccount: (_control, doc) => readName(doc, X.account.fallbacks, (s) => HANDLE.exec(s)?.[0] ?? ''),
};

const youtubePublish: PublishAdapter = {
  publishControl: (target) => {
    const button = target.closest<HTMLElement>(YOUTUBE_STUDIO.publish.fallbacks[0]) ?? labelledIn(YOUTUBE_STUDIO.composer.fallbacks)(target);
    return button && button.closest(YOUTUBE_STUDIO.composer.fallbacks.join(', ')) ? button : undefined;
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
