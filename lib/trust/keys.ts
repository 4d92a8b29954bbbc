import type { TrustedKey } from '../core/signature';
import demo from './demo-public-key.json';

/**
 * Keys built into production builds. Empty until an organisation's privacy office publishes its
 * public key; until then IT supplies keys through managed storage (`trustedKeys`).
 */
export const BUILTIN_KEYS: readonly TrustedKey[] = [];

/** The demo key: its private half is public in this repository, so only demo/test builds trust it. */
export const DEMO_KEY: TrustedKey = { keyId: demo.keyId, publicKey: demo.publicKey, label: 'Vigie demo key (not for production)', source: 'demo' };

/** True in `wxt build --mode demo` and `wxt` (dev); false in a plain `wxt build` (production). */
export const DEMO_TRUSTED: boolean = import.meta.env.MODE !== 'production';

export function builtinTrust(): TrustedKey[] {
  return DEMO_TRUSTED ? [...BUILTIN_KEYS, DEMO_KEY] : [...BUILTIN_KEYS];
}
