import { lookups } from '../site-lookups';
import type { OrganizingAdapter, PlatformAdapter } from '../types';

/** Selectors: lib/packs/sites.json, platform `action-builder` (read from the site pack in force). */
const ACTION_BUILDER = lookups('action-builder');

export const actionBuilderOrganizing: OrganizingAdapter = {
  get exportSelectors() {
    return ACTION_BUILDER.exportControls.fallbacks;
  },
};

/** Action Builder: exports, copies and prints are guarded; it sends no mass email Vigie checks. */
export const actionBuilderAdapter: PlatformAdapter = {
  platform: 'action-builder',
  family: 'action-builder',
  organizing: actionBuilderOrganizing,
};
