import { lookups } from '../site-lookups';
import type { OrganizingAdapter, PlatformAdapter } from '../types';

/** Selectors: lib/packs/sites.json, platform `nationbuilder` (read from the site pack in force). */
const NATIONBUILDER = lookups('nationbuilder');

export const nationbuilderOrganizing: OrganizingAdapter = {
  get exportSelectors() {
    return NATIONBUILDER.exportControls.fallbacks;
  },
};

/** NationBuilder: people-list exports, per-person data downloads, copies and prints are guarded. */
export const nationbuilderAdapter: PlatformAdapter = {
  platform: 'nationbuilder',
  family: 'nationbuilder',
  organizing: nationbuilderOrganizing,
};
