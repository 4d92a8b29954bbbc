import { gmailAdapter } from './gmail/adapter';
import { outlookAdapter } from './outlook/adapter';
import type { PlatformAdapter } from './types';

/**
 * Every platform adapter. Content scripts import their own adapter directly (this list would put
 * every site's selectors in every bundle); the registry is for the tests, which check that each
 * adapter is listed here and has fixtures in French and English.
 */
export const ADAPTERS: readonly PlatformAdapter[] = [gmailAdapter, outlookAdapter];

export function adapterFor(platform: string): PlatformAdapter | undefined {
  return ADAPTERS.find((a) => a.platform === platform);
}
