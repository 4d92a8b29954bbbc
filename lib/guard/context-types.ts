import type { Grant } from '../core/grant';
import type { GrantStatus } from '../core/grant-status';
import type { Lang } from '../core/lang';
import type { Policy } from '../core/policy';
import type { SitePack } from '../core/site-pack';

/**
 * What a content script needs to decide on its own, without a round trip at the moment of the
 * click: the policy in force, the grant held (whatever its status) and the language to speak.
 * The background builds it from storage; content scripts refresh it when storage changes.
 */
export interface GuardContext {
  lang: Lang;
  policy: Policy;
  grant?: Grant;
  grantStatus: GrantStatus;
  /** The policy's platform id for the page that asked. */
  platform: string;
  /** A signed site pack newer than the bundled one, when one is in force (adapters then read their selectors from it). */
  sites?: SitePack;
}
