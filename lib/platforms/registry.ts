import { actionBuilderAdapter } from './action-builder/adapter';
import { actionNetworkAdapter } from './action-network/adapter';
import { gmailAdapter } from './gmail/adapter';
import { nationbuilderAdapter } from './nationbuilder/adapter';
import { nextcloudAdapter } from './nextcloud/adapter';
import { outlookAdapter } from './outlook/adapter';
import { facebookAdapter, instagramAdapter, xAdapter, youtubeAdapter } from './social/adapters';
import type { PlatformAdapter } from './types';

/**
 * Every platform adapter. Content scripts import their own adapter directly (this list would put
 * every site's selectors in every bundle); the registry is for the tests, which check that each
 * adapter is listed here, names a platform some bundled policy guards, and has fixtures in French
 * and English.
 */
export const ADAPTERS: readonly PlatformAdapter[] = [
  gmailAdapter,
  outlookAdapter,
  actionNetworkAdapter,
  actionBuilderAdapter,
  nationbuilderAdapter,
  nextcloudAdapter,
  facebookAdapter,
  instagramAdapter,
  xAdapter,
  youtubeAdapter,
];

export function adapterFor(platform: string): PlatformAdapter | undefined {
  return ADAPTERS.find((a) => a.platform === platform);
}
