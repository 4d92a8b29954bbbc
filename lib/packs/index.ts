import acep from './acep/policy.json';
import pcq from './pcq/policy.json';
import { hasEmailRules } from '../core/email-rules';
import { parsePolicy, type EmailPolicy, type Policy } from '../core/policy';

/** The union's member-data policy: the default, with email rules (Annex A notice, clause 9.1). */
export const ACEP_POLICY: EmailPolicy = withEmailRules(parsePolicy(acep));
/** The party's platform-access policy: no email rules, classification levels and task-bound access. */
export const PCQ_POLICY: Policy = parsePolicy(pcq);

/**
 * The policy packs bundled with the extension. The first is the default that applies when no
 * signed policy has been loaded (it blocks exports). Organisation-specific content lives only in
 * these JSON files.
 */
export const BUNDLED_POLICIES: readonly Policy[] = [ACEP_POLICY, PCQ_POLICY];
export const DEFAULT_POLICY: EmailPolicy = ACEP_POLICY;

function withEmailRules(policy: Policy): EmailPolicy {
  if (!hasEmailRules(policy)) throw new Error(`policy ${policy.id} has no email rules`);
  return policy;
}
