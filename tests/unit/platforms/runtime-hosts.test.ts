import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../lib/core/policy';
import { familyMatches } from '../../../lib/messaging/sender';
import { ACEP_POLICY, PCQ_POLICY } from '../../../lib/packs';
import { isCreateLinkLabel } from '../../../lib/platforms/nextcloud/adapter';
import { labelList } from '../../../lib/platforms/site-lookups';
import { coveredByManifest, planScripts, runtimePlatforms } from '../../../lib/platforms/runtime-hosts';
import { syncRuntimeScripts, type RuntimeScriptApis } from '../../../lib/state/runtime-scripts';
import { hostAccessView } from '../../../lib/ui/host-access-view';

const NUAGE = 'https://nuage.pcq.example/*';
const withNextcloud = (patch: Partial<Policy['platforms'][number]>): Policy => ({
  ...PCQ_POLICY,
  platforms: PCQ_POLICY.platforms.map((p) => (p.id === 'nextcloud' ? { ...p, ...patch } : p)),
});

describe('runtime platforms (self-hosted, hosts from the policy)', () => {
  it('the party policy needs the Nextcloud script on its own host only; the union policy needs none', () => {
    expect(runtimePlatforms(PCQ_POLICY)).toEqual([{ id: 'nextcloud', name: { fr: 'Nextcloud', en: 'Nextcloud' }, origins: [NUAGE] }]);
    expect(runtimePlatforms(ACEP_POLICY)).toEqual([]);
  });

  it('not without the share surface, and not for a host the manifest already covers', () => {
    expect(runtimePlatforms(withNextcloud({ surfaces: ['download'] }))).toEqual([]);
    expect(runtimePlatforms(withNextcloud({ hosts: ['x.nationbuilder.com', 'nuage.pcq.example'] }))[0]?.origins).toEqual([NUAGE]);
    expect(coveredByManifest('x.nationbuilder.com')).toBe(true);
    expect(coveredByManifest('*.nationbuilder.com')).toBe(true);
    expect(coveredByManifest('*.google.com')).toBe(false);
  });
});

describe('planScripts: registration follows the policy and the granted hosts', () => {
  const registered = [{ id: 'vigie-nextcloud', matches: [NUAGE] }];
  it('registers once the host is granted, not before', () => {
    expect(planScripts(PCQ_POLICY, [], [])).toEqual([]);
    expect(planScripts(PCQ_POLICY, [NUAGE, 'https://x.com/*'], [])).toEqual([{ op: 'register', id: 'vigie-nextcloud', js: 'content-scripts/nextcloud.js', matches: [NUAGE] }]);
    expect(planScripts(PCQ_POLICY, [NUAGE], registered)).toEqual([]);
  });
  it('unregisters when the permission is removed or the policy no longer lists the host', () => {
    expect(planScripts(PCQ_POLICY, [], registered)).toEqual([{ op: 'unregister', id: 'vigie-nextcloud' }]);
    expect(planScripts(ACEP_POLICY, [NUAGE], registered)).toEqual([{ op: 'unregister', id: 'vigie-nextcloud' }]);
  });
  it('updates the matches when the policy moves the instance to a granted host', () => {
    const moved = withNextcloud({ hosts: ['cloud.pcq.example'] });
    expect(planScripts(moved, [NUAGE, 'https://cloud.pcq.example/*'], registered)).toEqual([{ op: 'update', id: 'vigie-nextcloud', matches: ['https://cloud.pcq.example/*'] }]);
  });
});

describe('syncRuntimeScripts against the scripting API', () => {
  function fakeApis(granted: string[]) {
    const scripts = new Map<string, { id: string; matches: string[] }>();
    const apis: RuntimeScriptApis = {
      getRegisteredContentScripts: async () => [...scripts.values()],
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          expect(s).toMatchObject({ runAt: 'document_start', persistAcrossSessions: true });
          scripts.set(s.id, { id: s.id, matches: s.matches });
        }
      },
      updateContentScripts: async (list) => list.forEach((s) => scripts.set(s.id, s)),
      unregisterContentScripts: async ({ ids }) => ids.forEach((id) => scripts.delete(id)),
      grantedOrigins: async () => granted,
    };
    return { apis, scripts, granted };
  }
  // No stored policy: the bundled default (the union's) is in force, which lists no self-hosted platform.
  const emptyArea = { get: async () => ({}), set: async () => {}, remove: async () => {} };
  const areas = { local: emptyArea, session: emptyArea, managed: emptyArea };

  it('overlapping calls run one at a time, and a policy without the host unregisters', async () => {
    const { apis, scripts } = fakeApis([NUAGE]);
    scripts.set('vigie-nextcloud', { id: 'vigie-nextcloud', matches: [NUAGE] });
    const results = await Promise.all([syncRuntimeScripts(areas, apis), syncRuntimeScripts(areas, apis)]);
    expect(results).toEqual([[{ op: 'unregister', id: 'vigie-nextcloud' }], []]);
    expect(scripts.size).toBe(0);
  });
});

describe('sender checks for a family registered at run time', () => {
  it('the nextcloud family speaks only from the policy\'s Nextcloud hosts', () => {
    expect(familyMatches('nextcloud', 'https://nuage.pcq.example/apps/files/files', PCQ_POLICY)).toBe(true);
    expect(familyMatches('nextcloud', 'https://nuage.pcq.example/apps/files/files')).toBe(false);
    expect(familyMatches('nextcloud', 'https://nuage.pcq.example/', ACEP_POLICY)).toBe(false);
    expect(familyMatches('nextcloud', 'https://evil.example/', PCQ_POLICY)).toBe(false);
    expect(familyMatches('nextcloud', 'http://nuage.pcq.example/', PCQ_POLICY)).toBe(false);
    expect(familyMatches('social', 'https://nuage.pcq.example/', PCQ_POLICY)).toBe(false);
  });
});

describe('options page: enabling Vigie on the policy\'s self-hosted hosts', () => {
  it('one button per host not yet granted, bilingual; nothing for a policy without one', () => {
    expect(hostAccessView(PCQ_POLICY, [], 'fr')?.lines).toEqual([expect.objectContaining({ origin: NUAGE, granted: false, button: 'Activer Vigie sur nuage.pcq.example' })]);
    expect(hostAccessView(PCQ_POLICY, [], 'en')?.lines[0]?.button).toBe('Enable Vigie on nuage.pcq.example');
    expect(hostAccessView(PCQ_POLICY, [NUAGE], 'en')?.lines[0]).toMatchObject({ granted: true, status: 'Vigie is active on nuage.pcq.example.' });
    expect(hostAccessView(ACEP_POLICY, [], 'fr')).toBeUndefined();
  });
});

describe('Nextcloud create-link control labels', () => {
  it('recognises the sidebar\'s "+" label in both fixtures, and nothing near it', () => {
    for (const lang of ['en', 'fr']) {
      const html = readFileSync(new URL(`../../fixtures/nextcloud/files.${lang}.html`, import.meta.url), 'utf8');
      const labels = [...html.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]!);
      expect(labels.filter(isCreateLinkLabel), lang).toHaveLength(1);
    }
    expect(isCreateLinkLabel('Create a new share link')).toBe(true);
    expect(isCreateLinkLabel('Créer un nouveau lien de partage')).toBe(true);
    expect(isCreateLinkLabel('Copy public link to clipboard')).toBe(false);
    expect(labelList('nextcloud', 'createLink').every((l) => l === l.toLocaleLowerCase())).toBe(true);
  });
});
