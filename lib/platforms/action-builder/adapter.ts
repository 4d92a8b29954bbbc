import type { OrganizingAdapter, PlatformAdapter } from '../types';
import { ACTION_BUILDER } from './selectors';

export const actionBuilderOrganizing = { exportSelectors: ACTION_BUILDER.exportControls.fallbacks } satisfies OrganizingAdapter;

/** Action Builder: exports, copies and prints are guarded; it sends no mass email Vigie checks. */
export const actionBuilderAdapter: PlatformAdapter = {
  platform: 'action-builder',
  family: 'action-builder',
  organizing: actionBuilderOrganizing,
};
