import type { TrustedKey } from '../core/signature';
import demo from './demo-public-key.json';

/**
 * Keys built into production builds. Empty until an organisation's privacy office publishes its
 * public key; until then IT supplies keys through managed storage (`trustedKeys`).
 */
export const BUILTIN_KEYS: readonly TrustedKey[] = [];

/**
 * True in `wxt build --mode demo` and `wxt` (dev); false in a plain `wxt build` (production).
 * The demo key's private half is public in this repository, so only demo/test builds trust it;
 * the test is a build-time constant, so a production bundle does not even contain the demo key.
 */
export const DEMO_TRUSTED: boolean = import.meta.env.MODE !== 'production';

export function builtinTrust(): TrustedKey[] {
  if (!DEMO_TRUSTED) return [...BUILTIN_KEYS];
  return [...BUILTIN_KEYS, { keyId: demo.keyId, publicKey: demo.publicKey, label: 'Vigie demo key (not for production)', source: 'demo' }];
}
