import type { OrganizingAdapter, PlatformAdapter } from '../types';
import { NATIONBUILDER } from './selectors';

export const nationbuilderOrganizing = { exportSelectors: NATIONBUILDER.exportControls.fallbacks } satisfies OrganizingAdapter;

/** NationBuilder: people-list exports, per-person data downloads, copies and prints are guarded. */
export const nationbuilderAdapter: PlatformAdapter = {
  platform: 'nationbuilder',
  family: 'nationbuilder',
  organizing: nationbuilderOrganizing,
};
