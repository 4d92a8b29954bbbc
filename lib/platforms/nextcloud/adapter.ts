import { labelOf } from '../lookup';
import type { Found, PlatformAdapter } from '../types';
import { CREATE_LINK_LABELS, NEXTCLOUD } from './selectors';

/**
 * The control under an event's target that creates a public share link, and which fallback of
 * NEXTCLOUD.createShareLink recognised it; `undefined` for any other control.
 */
export function createShareLinkControl(target: Element): Found<HTMLElement> | undefined {
  const [byLabel, byClass] = NEXTCLOUD.createShareLink.fallbacks;
  const labelled = target.closest<HTMLElement>(byLabel);
  if (labelled && isCreateLinkLabel(labelOf(labelled))) return { element: labelled, fallback: 0 };
  const byName = target.closest<HTMLElement>(byClass);
  return byName ? { element: byName, fallback: 1 } : undefined;
}

/** Whether a control's (normalised) label is one of the create-link labels, case aside. */
export function isCreateLinkLabel(label: string): boolean {
  return (CREATE_LINK_LABELS as readonly string[]).includes(label.toLocaleLowerCase());
}

/** Nextcloud: public share links are guarded in the page; downloads by the background backstop. */
export const nextcloudAdapter = {
  platform: 'nextcloud',
  family: 'nextcloud',
} satisfies PlatformAdapter;
