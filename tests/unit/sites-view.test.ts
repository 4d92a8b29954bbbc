import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/packs';
import { EMPTY_SYNC } from '../../lib/sync/sync-status';
import { describeEvent } from '../../lib/ui/event-words';
import { policyView } from '../../lib/ui/policy-view';

const policy = { policy: DEFAULT_POLICY, source: 'default' as const };

describe('site fixes in the policy panel', () => {
  it('says nothing while the bundled fixes are in force and nothing was refused', () => {
    const view = policyView({ policy, sync: EMPTY_SYNC, sites: { problems: [] } }, 'fr');
    expect(view.rows.map((r) => r.term)).not.toContain('Correctifs de sites');
    expect(view.problems).toEqual([]);
  });

  it('says the bundled fixes stay when a newer pack was refused', () => {
    const sites = { problems: [{ source: 'managed' as const, code: 'unknown-key' as const, version: 2 }] };
    const view = policyView({ policy, sync: EMPTY_SYNC, sites }, 'en');
    expect(view.rows).toContainEqual({ term: 'Site fixes', value: 'The ones that came with the extension' });
    expect(view.problems).toEqual(['Site fixes in the IT configuration: This document does not come from a source your organisation approved. (update 2)']);
  });

  it('names the version in force and where it came from, and why a newer one was refused, in both languages', () => {
    const sites = { source: 'url' as const, version: 4, problems: [{ source: 'url' as const, code: 'bad-signature' as const, version: 5 }] };
    const fr = policyView({ policy, sync: EMPTY_SYNC, sites }, 'fr');
    expect(fr.rows).toContainEqual({ term: 'Correctifs de sites', value: 'Mise à jour n° 4, du serveur de l’organisation' });
    expect(fr.problems).toEqual(['Correctifs de sites du serveur\u00a0: La signature ne correspond pas\u00a0: le document a été modifié ou forgé. (mise à jour n° 5)']);
    expect(fr.kept).toBe('Les derniers correctifs de sites valides restent en vigueur.');
    const en = policyView({ policy, sync: EMPTY_SYNC, sites }, 'en');
    expect(en.problems).toEqual(['Site fixes from the server: The signature does not match: the document was altered or forged. (update 5)']);
    expect(en.kept).toBe('The last valid site fixes stay in force.');
  });
});

describe('site-fix events in the log', () => {
  const event = (action: string, detail: string) => ({ id: 1, time: 0, platform: 'vigie', surface: 'policy' as const, action, detail, ruleIds: [], clauses: [], findings: [] });
  it('reads updates, refusals and failed fetches in plain words', () => {
    expect(describeEvent(event('sites-updated', 'url v5'), DEFAULT_POLICY, 'en').text).toBe('New site fixes in force (update 5)');
    expect(describeEvent(event('sites-refused', 'managed rollback v2'), DEFAULT_POLICY, 'fr').text).toBe(
      'Correctifs de sites refusés (configuration des TI)\u00a0: Ces correctifs sont plus anciens que ceux déjà en vigueur. (mise à jour n° 2)',
    );
    expect(describeEvent(event('sites-fetch-failed', 'url http-error HTTP 404'), DEFAULT_POLICY, 'en').text).toMatch(/^Site fixes could not be fetched \(server\): .*404/);
  });
});
