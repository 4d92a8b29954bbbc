import { grantStatus } from '../core/grant-status';
import type { GuardContext } from '../guard/context-types';
import { resolveLang } from '../i18n';
import { loadGrant } from './grant-store';
import type { PolicyState } from './policy-source';
import type { Services } from './services';
import { loadSettings } from './settings';
import { loadSitePack } from './site-pack-source';
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
    ...(sites.pack ? { sites: sites.pack } : {}),
  };
}
