import { closestOf, labelOf } from '../lookup';
import { labels, lookups } from '../site-lookups';
import type { Found, PlatformAdapter } from '../types';

/**
 * Selectors and labels: lib/packs/sites.json, platform `nextcloud` (read from the site pack in
 * force). The first fallback of `createShareLink` finds labelled controls, which count only when
 * their whole label is one of `labels.createLink`: an existing link's entry also holds its Copy
 * and menu buttons. The later fallbacks name the control itself.
 */
const NEXTCLOUD = lookups('nextcloud');
const NEXTCLOUD_LABELS = labels('nextcloud');

/**
 * The control under an event's target that creates a public share link, and which fallback of
 * the `createShareLink` lookup recognised it; `undefined` for any other control.
 */
export function createShareLinkControl(target: Element): Found<HTMLElement> | undefined {
  for (const [fallback, selector] of NEXTCLOUD.createShareLink.fallbacks.entries()) {
    const element = closestOf<HTMLElement>(target, selector);
    if (element && (fallback > 0 || isCreateLinkLabel(labelOf(element)))) return { element, fallback };
  }
  return undefined;
}

/** Whether a control's (normalised) label is one of the create-link labels, case aside. */
export function isCreateLinkLabel(label: string): boolean {
  const l = label.toLocaleLowerCase();
  return NEXTCLOUD_LABELS.createLink.some((known) => known.toLocaleLowerCase() === l);
}

/** Nextcloud: public share links are guarded in the page; downloads by the background backstop. */
export const nextcloudAdapter = {
  platform: 'nextcloud',
  family: 'nextcloud',
} satisfies PlatformAdapter;
