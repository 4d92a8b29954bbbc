import type { ExportAuthorization, Grant } from './grant';

export type GrantStatus = 'valid' | 'missing' | 'expired' | 'not-yet-valid' | 'revoked';

/** Where a grant stands at `now` under a policy's revocation list. */
export function grantStatus(grant: Grant | undefined, revoked: readonly string[], now: Date): GrantStatus {
  if (!grant) return 'missing';
  if (revoked.includes(grant.id)) return 'revoked';
  if (Date.parse(grant.issuedAt) > now.getTime()) return 'not-yet-valid';
  if (Date.parse(grant.expiresAt) <= now.getTime()) return 'expired';
  return 'valid';
}

/** The export authorization in force for a platform at `now`, if any. */
export function activeAuthorization(grant: Grant, platform: string, now: Date): ExportAuthorization | undefined {
  return grant.exportAuthorizations.find((a) => a.platform === platform && Date.parse(a.expires) > now.getTime());
}
