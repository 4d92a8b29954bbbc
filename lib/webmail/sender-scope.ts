import { unknownSenderMode } from '../core/unknown-sender';
import type { SenderAnswer } from '../state/sender-answers';
import type { GuardContext } from '../guard/context-types';
import { inScope } from './scope';

/**
 * How the guard came to treat a compose's sender: `read` from the page, else what the policy says
 * for a sender it cannot read: the person's remembered answer, `assume-local`, `ignore`, or `ask`
 * (at the first send).
 */
export type SenderHow = 'read' | 'answered-local' | 'answered-personal' | 'assume-local' | 'ignore' | 'ask';

export interface SenderScope {
  how: SenderHow;
  /** Whether the policy governs the message; `undefined` while the person has not been asked yet. */
  inScope: boolean | undefined;
}

export function senderScope(sender: string | undefined, ctx: GuardContext, answer: SenderAnswer | undefined): SenderScope {
  if (sender !== undefined) return { how: 'read', inScope: inScope(sender, ctx) };
  const mode = unknownSenderMode(ctx.policy, ctx.platform);
  if (mode === 'ignore') return { how: 'ignore', inScope: false };
  if (mode === 'assume-local') return { how: 'assume-local', inScope: true };
  if (answer) return { how: answer === 'local' ? 'answered-local' : 'answered-personal', inScope: answer === 'local' };
  return { how: 'ask', inScope: undefined };
}
