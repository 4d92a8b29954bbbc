import { z } from 'zod';
import { KEYS, readKey, type StorageArea } from '../state/storage';
import { ProblemCode, RemoteSource } from './sync-status';

/** One thing that went wrong with a site pack at the last sync, without the refused pack's content. */
export const SitesProblem = z.object({
  source: RemoteSource,
  code: ProblemCode,
  version: z.number().int().optional(),
  status: z.number().int().optional(),
  /** For an `invalid` pack: the first located problem (`platforms.gmail.lookups.body.fallbacks[2]: …`). */
  detail: z.string().max(300).optional(),
});
export type SitesProblem = z.infer<typeof SitesProblem>;

/** What the last site-pack syncs did; each field repairs on its own, like the policy's sync record. */
export const SitesStatusSchema = z
  .object({
    /** Where the held pack came from; absent while the bundled pack is in force. */
    source: RemoteSource.optional().catch(undefined),
    /** The held pack's version, when one is held. */
    version: z.number().int().optional().catch(undefined),
    acceptedAt: z.number().int().optional().catch(undefined),
    lastAttempt: z.number().int().optional().catch(undefined),
    problems: z.array(SitesProblem).max(10).catch([]),
  })
  .catch(() => ({ problems: [] }));
export type SitesStatus = z.infer<typeof SitesStatusSchema>;

export async function readSitesStatus(local: Pick<StorageArea, 'get'>): Promise<SitesStatus> {
  return SitesStatusSchema.parse((await readKey(local, KEYS.sitesStatus)) ?? {});
}
