import type { Grant } from './grant';
import type { Policy } from './policy';

/**
 * A grant naming a role, platform or clearance its organisation's policy does not know is a typo,
 * not a grant. Located problems, empty when the grant fits the policy (the CLI and the officer's
 * console both refuse on any).
 */
export function grantPolicyProblems(grant: Grant, policy: Policy): string[] {
  const problems: string[] = [];
  if (grant.organisation !== policy.organisation.id) problems.push(`organisation: "${grant.organisation}" is not the policy's ("${policy.organisation.id}")`);
  if (!policy.roles.some((r) => r.id === grant.role)) problems.push(`role: "${grant.role}" is not one of ${policy.roles.map((r) => r.id).join(', ')}`);
  const platformIds = policy.platforms.map((p) => p.id);
  grant.platforms.forEach((p, i) => p === '*' || platformIds.includes(p) || problems.push(`platforms[${i}]: unknown platform "${p}"`));
  grant.exportAuthorizations.forEach((a, i) => platformIds.includes(a.platform) || problems.push(`exportAuthorizations[${i}].platform: unknown platform "${a.platform}"`));
  const levels = policy.classification?.levels.map((l) => l.id) ?? [];
  if (grant.clearance !== undefined && !levels.includes(grant.clearance)) {
    problems.push(`clearance: "${grant.clearance}" is not one of ${levels.join(', ') || '(the policy has no classification levels)'}`);
  }
  if (grant.task && Date.parse(grant.task.endsAt) > Date.parse(grant.expiresAt)) problems.push('task.endsAt: the task ends after the grant expires');
  return problems;
}
