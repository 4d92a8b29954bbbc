import { describe, expect, it } from 'vitest';
import { isOfficialAccount } from '../../lib/core/official-accounts';
import { isExportControl } from '../../lib/organizing/export-controls';
import { PCQ_POLICY } from '../../lib/packs';
import { isPublishLabel } from '../../lib/platforms/social/labels';
import { socialAdapterFor } from '../../lib/platforms/social/adapters';

const official = (id: string) => PCQ_POLICY.platforms.find((p) => p.id === id)?.officialAccounts;

describe('official accounts', () => {
  it('matches the policy\'s names regardless of case, spaces and a leading @', () => {
    expect(isOfficialAccount('Parti conservateur du Québec', official('facebook'))).toBe(true);
    expect(isOfficialAccount('  parti  conservateur du québec ', official('facebook'))).toBe(true);
    expect(isOfficialAccount('@pcq_officiel', official('x'))).toBe(true);
    expect(isOfficialAccount('PCQ_officiel', official('x'))).toBe(true);
  });
  it('does not match another page, a personal profile or an empty name', () => {
    expect(isOfficialAccount('Parti conservateur du Québec – Jeunes', official('facebook'))).toBe(false);
    expect(isOfficialAccount('Camille Roy', official('facebook'))).toBe(false);
    expect(isOfficialAccount('', official('facebook'))).toBe(false);
    expect(isOfficialAccount('Parti conservateur du Québec', undefined)).toBe(false);
  });
});

describe('publish labels (all [G])', () => {
  it.each(['Publier', 'Post', 'Publish', 'Share', 'Partager', 'Tweet', 'Tout publier'])('"%s" publishes', (label) => expect(isPublishLabel(label)).toBe(true));
  it.each(['Post settings', 'Partager dans une story ou un message', 'Publications', 'Share link'])('"%s" does not', (label) => expect(isPublishLabel(label)).toBe(false));
  it('every social host of the party pack has an adapter', () => {
    for (const platform of PCQ_POLICY.platforms.filter((p) => p.kind === 'social')) {
      for (const host of platform.hosts) expect(socialAdapterFor(host)?.platform, host).toBe(platform.id === 'youtube' && host === 'www.youtube.com' ? undefined : platform.id);
    }
  });
});

describe('NationBuilder export controls (labels in the fixtures)', () => {
  it.each(['Export', 'Exporter', 'Data download', 'Téléchargement des données'])('"%s" is an export control', (label) => expect(isExportControl({ tag: 'a', labels: [label] })).toBe(true));
  it.each(['Actions ▾', 'Tag people', 'Ajouter à une liste'])('"%s" is not', (label) => expect(isExportControl({ tag: 'a', labels: [label] })).toBe(false));
});
