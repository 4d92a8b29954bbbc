import acep from './acep/policy.json';
import { parsePolicy, type Policy } from '../core/policy';

/**
 * The policy packs bundled with the extension. The first is the default that applies when no
 * signed policy has been loaded (it blocks exports). Organisation-specific content lives only in
 * these JSON files.
 */
export const BUNDLED_POLICIES: readonly Policy[] = [parsePolicy(acep)];
export const DEFAULT_POLICY: Policy = BUNDLED_POLICIES[0]!;
