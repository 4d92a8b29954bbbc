import { z } from 'zod';
import type { RefusalCode } from '../core/signature';
import { KEYS, readKey, type StorageArea } from '../state/storage';

/** Where a policy can come from, highest precedence first (after them: the last verified copy, the bundled default). */
export const RemoteSource = z.enum(['managed', 'url']);
export type RemoteSource = z.infer<typeof RemoteSource>;

/** Why fetching the configured policy URL failed. */
export const FETCH_FAILURES = ['not-https', 'unreachable', 'timeout', 'http-error', 'too-large'] as const;
export type FetchFailureCode = (typeof FETCH_FAILURES)[number];

const REFUSAL_CODES = [
  'malformed',
  'wrong-kind',
  'invalid',
  'unknown-key',
  'bad-signature',
  'expired',
  'not-yet-valid',
  'revoked',
  'wrong-organisation',
  'rollback',
  'other-policy',
] as const satisfies readonly RefusalCode[];

/** `managed-late`: managed storage did not answer in time, so IT's configuration could not be read. */
export const ProblemCode = z.enum([...REFUSAL_CODES, ...FETCH_FAILURES, 'managed-late']);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** One thing that went wrong at the last sync, without any of the refused document's content. */
export const SyncProblem = z.object({
  /** `managed`: IT's inline policy; `url`: the policy server; `grant`: IT's inline grant. */
  source: z.enum(['managed', 'url', 'grant']),
  code: ProblemCode,
  /** The refused policy's version when it could be read (a rollback says which). */
  version: z.number().int().optional(),
  /** HTTP status for `http-error`. */
  status: z.number().int().optional(),
});
export type SyncProblem = z.infer<typeof SyncProblem>;

/**
 * What the last syncs did, in storage.local because the worker dies between them. Each field
 * repairs on its own (`.catch`), so one bad field never loses the backoff count or the source.
 */
export const SyncStatusSchema = z
  .object({
    /** Where the held copy (`vigie:policy`) came from; absent when nothing was ever synced. */
    source: RemoteSource.optional().catch(undefined),
    /** The policy URL IT configured at the last sync, shown so people know where policy comes from. */
    url: z.string().max(2048).optional().catch(undefined),
    /** When the held copy was accepted. */
    acceptedAt: z.number().int().optional().catch(undefined),
    lastAttempt: z.number().int().optional().catch(undefined),
    /** Last sync where every configured source answered with an acceptable policy (or none is configured). */
    lastSuccess: z.number().int().optional().catch(undefined),
    /** Consecutive failed attempts of the policy URL: the backoff grows with it. */
    failures: z.number().int().min(0).catch(0),
    /** When the retry after a failure is due. */
    nextRetry: z.number().int().optional().catch(undefined),
    problems: z.array(SyncProblem).max(10).catch([]),
    /** IT configures the grant (`signedGrant`): the person cannot import or remove one. */
    grantManaged: z.boolean().catch(false),
    /** Sources configured at the last sync: none means the bundled or held policy is all there is. */
    configured: z.array(RemoteSource).catch([]),
  })
  .catch(() => ({ failures: 0, problems: [], grantManaged: false, configured: [] }));
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const EMPTY_SYNC: SyncStatus = SyncStatusSchema.parse({});

export async function readSyncStatus(local: Pick<StorageArea, 'get'>): Promise<SyncStatus> {
  return SyncStatusSchema.parse((await readKey(local, KEYS.sync)) ?? {});
}
