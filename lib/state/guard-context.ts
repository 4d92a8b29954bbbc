import { grantStatus } from '../core/grant-status';
import type { GuardContext } from '../guard/context-types';
import { resolveLang } from '../i18n';
import { loadGrant } from './grant-store';
import type { PolicyState } from './policy-source';
import type { Services } from './services';
import { loadSettings } from './settings';
import { loadSitePack } from './site-pack-source';
import type { SitePack } from '../core/site-pack';
import type { KeySource } from './trust';

/**
 * The guard context for a content script on `platform`. A grant that no longer verifies counts as
 * missing: a content script can never be handed a grant the background would not trust.
 */
export async function guardContext(loaded: { services: Services; keys: KeySource; policy: PolicyState; now: Date }, platform: string): Promise<GuardContext> {
  const { services, policy, now } = loaded;
  const [settings, held, sites] = await Promise.all([
    loadSettings(services.areas.local),
    loadGrant(services.areas, loaded.keys, policy.policy, now),
    loadSitePack(services.areas, loaded.keys),
  ]);
  const grant = held.state === 'held' ? held.grant : undefined;
  return {
    lang: resolveLang(settings.language, services.uiLanguage()),
    policy: policy.policy,
    grant,
    grantStatus: grantStatus(grant, policy.policy.revokedGrants, now),
    platform,
    ...(sites.pack ? { sites: ownPart(sites.pack, platform) } : {}),
  };
}

/**
 * Only the sender's platform's part of the site pack: a tab uses no other, and a name the part
 * lacks is read from the bundled pack (lib/platforms/site-lookups.ts). The pack's note, meant for
 * people, stays in the background.
 */
function ownPart(pack: SitePack, platform: string): SitePack {
  const own = pack.platforms[platform];
  return { vigie: pack.vigie, version: pack.version, platforms: own ? { [platform]: own } : {} };
}
