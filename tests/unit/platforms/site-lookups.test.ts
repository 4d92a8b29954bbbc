import { afterEach, describe, expect, it } from 'vitest';
import type { SitePack } from '../../../lib/core/site-pack';
import { actionBuilderOrganizing } from '../../../lib/platforms/action-builder/adapter';
import { isCreateLinkLabel } from '../../../lib/platforms/nextcloud/adapter';
import { BUNDLED_SITES, lookups, setActiveSitePack } from '../../../lib/platforms/site-lookups';

afterEach(() => setActiveSitePack(undefined));

/** A newer pack that changes only what `platforms` gives. */
const fix = (platforms: SitePack['platforms']): SitePack => ({ vigie: 'sites/1', version: BUNDLED_SITES.version + 1, platforms });

describe('the active site pack', () => {
  it('is read at each use: an adapter already built takes a new pack at its next lookup', () => {
    const before = actionBuilderOrganizing.exportSelectors;
    setActiveSitePack(fix({ 'action-builder': { lookups: { exportControls: { why: 'redesign', fallbacks: ['button.export-v2'] } }, labels: {}, numbers: {} } }));
    expect(actionBuilderOrganizing.exportSelectors).toEqual(['button.export-v2']);
    setActiveSitePack(undefined);
    expect(actionBuilderOrganizing.exportSelectors).toEqual(before);
  });

  it('falls back to the bundled pack for what a fix does not carry (a platform, a lookup, a label list)', () => {
    setActiveSitePack(fix({ nextcloud: { lookups: {}, labels: {}, numbers: {} } }));
    expect(lookups('nextcloud').createShareLink).toEqual(BUNDLED_SITES.platforms.nextcloud!.lookups.createShareLink);
    expect(isCreateLinkLabel('Create a new share link')).toBe(true);
    expect(lookups('action-network').exportControls.fallbacks.length).toBeGreaterThan(0);
  });

  it('changes label lists too', () => {
    setActiveSitePack(fix({ nextcloud: { lookups: {}, labels: { createLink: ['Nouveau lien public'] }, numbers: {} } }));
    expect(isCreateLinkLabel('nouveau lien public')).toBe(true);
    expect(isCreateLinkLabel('Create a new share link')).toBe(false);
  });
});
