import type { Policy, Rule, Surface } from '../core/policy';
import { EXPORT_SURFACES } from '../core/surfaces';
import type { Text } from '../core/text';

/** What one surface of one platform gets, in the policy's own terms, for the plain-words view. */
export interface SurfaceWords {
  surface: Surface;
  rules: { id: string; verdict: Rule['verdict']; override: Rule['override']; roles?: string[]; finding?: string; clauses: string[]; message: Text }[];
  /** Exports in force under a written export authorization are allowed (decide: authorization first). */
  authorizationAllows: boolean;
  /** Every export surface needs a grant in force covering the platform. */
  needsGrant: boolean;
}

export interface PlatformWords {
  id: string;
  name: Text;
  surfaces: SurfaceWords[];
}

/** Pure: the page computes it from the policy it shows (and the policy being edited). */
export function policyWords(policy: Policy): PlatformWords[] {
  return policy.platforms
    .filter((p) => p.surfaces.length > 0)
    .map((platform) => ({
      id: platform.id,
      name: platform.name,
      surfaces: platform.surfaces.map((surface) => ({
        surface,
        rules: policy.rules
          .filter((r) => r.surfaces.includes(surface) && (!r.platforms || r.platforms.includes(platform.id)))
          .map((r) => ({ id: r.id, verdict: r.verdict, override: r.override, ...(r.roles ? { roles: r.roles } : {}), ...(r.finding ? { finding: r.finding } : {}), clauses: r.clauses, message: r.message })),
        authorizationAllows: EXPORT_SURFACES.includes(surface),
        needsGrant: EXPORT_SURFACES.includes(surface),
      })),
    }));
}
