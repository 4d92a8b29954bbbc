import { SignatureRefusal, type RefusalCode } from '../core/signature';
import type { SitePack } from '../core/site-pack';
import { verifySitePack } from '../core/site-pack-verify';
import { BUNDLED_SITES } from '../platforms/site-lookups';
import { KEYS, readKey, type StorageAreas } from './storage';
import type { KeySource } from './trust';

/** The lowest version a signed pack may have to replace the bundled one: strictly newer. */
export const SITES_FLOOR = BUNDLED_SITES.version + 1;

export interface SitePackState {
  /** The signed pack in force; `undefined` while the bundled pack is. */
  pack?: SitePack;
  /** A held pack that no longer verifies (key withdrawn, older than this release's), and why. */
  refused?: RefusalCode;
}

/**
 * The site pack in force: the held signed copy, verified again against the keys trusted now and
 * newer than the bundled pack, else the bundled pack. Only the sync (lib/sync/sites-sync.ts)
 * writes that copy; content scripts get the result with their guard context.
 */
export async function loadSitePack(areas: Pick<StorageAreas, 'local'>, keys: KeySource): Promise<SitePackState> {
  const held = await readKey(areas.local, KEYS.sites);
  if (held === undefined) return {};
  try {
    return { pack: (await verifySitePack(held, await keys(), SITES_FLOOR)).pack };
  } catch (error) {
    if (error instanceof SignatureRefusal) return { refused: error.code };
    throw error;
  }
}
