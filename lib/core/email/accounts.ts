import type { Policy } from '../policy';
import { escapeRegExp } from './normalise';

/**
 * Whether an address is a local-section account the policy governs: one of the grant's accounts
 * (exact, ignoring case) or one matching the policy's `accountPatterns`. A pattern covers the whole
 * address and its `*` stands for any run of characters except `@`, so `sl*@acep-cape.ca` cannot be
 * satisfied by another domain. Accepts "Name <address>".
 */
export function isLocalSectionAccount(address: string, policy: Policy, grantAccounts: readonly string[] = []): boolean {
  const bare = addressOf(address);
  if (!bare.includes('@')) return false;
  if (grantAccounts.some((a) => a.trim().toLowerCase() === bare)) return true;
  return policy.accountPatterns.some((pattern) => globPattern(pattern).test(bare));
}

/** The bare, lowercase address of "Name <address>", "<address>", "mailto:address" or "address". */
export function addressOf(from: string): string {
  const angle = /<([^<>]*)>\s*$/.exec(from);
  return (angle ? angle[1]! : from).trim().replace(/^mailto:/i, '').toLowerCase();
}

function globPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.trim().split('*').map(escapeRegExp).join('[^@]*')}$`, 'i');
}
