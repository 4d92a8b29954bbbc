import { z } from 'zod';
import type { Policy } from '../core/policy';
import type { PolicyPins } from '../core/signature';
import { KEYS, readKey, type StorageArea } from '../state/storage';

/**
 * The policy id held for each organisation, first set when a policy of that organisation is
 * accepted from IT's configuration or the policy URL, and moved only when IT names another id
 * (`policyId` in managed storage). Versions are ordered within one id; without the pin, an older
 * policy of another id signed by the same key would pass the rollback check.
 */
export const AcceptedPins = z.record(z.string(), z.string()).catch({});

export async function readAcceptedPins(local: Pick<StorageArea, 'get'>): Promise<Record<string, string>> {
  return AcceptedPins.parse((await readKey(local, KEYS.policyPins)) ?? {});
}

export function policyPins(accepted: Record<string, string>, managed: string | undefined): PolicyPins {
  return managed === undefined ? { accepted } : { managed, accepted };
}

/** The pins once `policy` is accepted, or `undefined` when they already say so. */
export function pinsAfter(accepted: Record<string, string>, policy: Policy): Record<string, string> | undefined {
  const org = policy.organisation.id;
  if (Object.hasOwn(accepted, org) && accepted[org] === policy.id) return undefined;
  return { ...accepted, [org]: policy.id };
}
