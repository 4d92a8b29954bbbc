import type { EmailPolicy, Policy } from './policy';

/** True when the policy has email rules; an organisation without them has no send checks. (No zod: content scripts use it.) */
export function hasEmailRules(policy: Policy): policy is EmailPolicy {
  return policy.notice !== undefined && policy.localIdentification !== undefined;
}
