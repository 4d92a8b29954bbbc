import type { ExportAuthorization, Grant } from './grant';

export type GrantStatus = 'valid' | 'missing' | 'expired' | 'not-yet-valid' | 'revoked';

/** Where a grant stands at `now` under a policy's revocation list. */
export function grantStatus(grant: Grant | undefined, revoked: readonly string[], now: Date): GrantStatus {
  if (!grant) return 'missing';
  if (revoked.includes(grant.id)) return 'revoked';
  if (Date.parse(grant.issuedAt) > now.getTime()) return 'not-yet-valid';
  if (endOfAccess(grant) <= now.getTime()) return 'expired';
  return 'valid';
}

/** When the access ends: the grant's expiry, or the end of its task if that comes first (ms). */
export function endOfAccess(grant: Grant): number {
  const expires = Date.parse(grant.expiresAt);
  return grant.task ? Math.min(expires, Date.parse(grant.task.endsAt)) : expires;
}

/** True when the grant opens this platform (`*` opens every platform of the policy). */
export function grantCovers(grant: Grant, platform: string): boolean {
  return grant.platforms.includes('*') || grant.platforms.includes(platform);
}

/** The export authorization in force for a platform at `now`, if any. */
export function activeAuthorization(grant: Grant, platform: string, now: Date): ExportAuthorization | undefined {
  return grant.exportAuthorizations.find((a) => a.platform === platform && Date.parse(a.expires) > now.getTime());
}
