import type { Policy, UnknownSenderMode } from './policy';

/** What the platform `id` does with a sender it cannot read (`ask` unless the policy says otherwise). */
export function unknownSenderMode(policy: Pick<Policy, 'platforms'>, id: string): UnknownSenderMode {
  return policy.platforms.find((p) => p.id === id)?.unknownSender ?? 'ask';
}
