import { readEnvelope, SignatureRefusal, verifyPolicy, type PolicyPins, type TrustedKey, type VerifiedPolicy } from '../core/signature';
import type { RemoteSource, SyncProblem } from './sync-status';

/** A policy as one source delivered it, not yet verified. */
export interface Candidate {
  source: RemoteSource;
  input: unknown;
}

/**
 * The policy in force before this sync: nothing older with the same id is ever accepted, and
 * nothing of another id than the one pinned for its organisation.
 */
export interface Floor {
  id: string;
  version: number;
  pins?: PolicyPins;
}

export interface Choice {
  accepted?: { source: RemoteSource; verified: VerifiedPolicy };
  /** Every candidate refused, and why. */
  refused: SyncProblem[];
}

/**
 * Picks the policy to hold among what the sources delivered, given in precedence order (IT's
 * inline policy, then the policy URL). Each must verify against the trusted keys and must not be
 * older than the floor. The highest source with a valid policy wins, except that a newer version
 * of the same policy from a lower source wins over an older one: a stale policy left in IT's
 * configuration must never hide a revocation published at the URL.
 */
export async function choosePolicy(candidates: readonly Candidate[], trusted: readonly TrustedKey[], floor: Floor): Promise<Choice> {
  const refused: SyncProblem[] = [];
  let accepted: Choice['accepted'];
  for (const candidate of candidates) {
    try {
      const verified = await verifyPolicy(candidate.input, trusted, floor);
      const best = accepted?.verified.policy;
      if (!best || (best.id === verified.policy.id && verified.policy.version > best.version)) {
        accepted = { source: candidate.source, verified };
      }
    } catch (error) {
      if (!(error instanceof SignatureRefusal)) throw error;
      refused.push({ source: candidate.source, code: error.code, ...versionOf(candidate.input) });
    }
  }
  // An older copy beside an accepted policy is only superseded; it matters when nothing newer came.
  return { accepted, refused: accepted ? refused.filter((r) => r.code !== 'rollback') : refused };
}

/** The version a refused document claims, when it can be read at all (for "v3 is older than v5"). */
function versionOf(input: unknown): { version?: number } {
  try {
    const version = readEnvelope(input).payload.version;
    return typeof version === 'number' && Number.isInteger(version) ? { version } : {};
  } catch {
    return {};
  }
}
