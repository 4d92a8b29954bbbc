import type { Decision } from '../core/decide';
import { checkEmail, type EmailCheckResult } from '../core/email/check-email';
import type { GuardContext } from '../guard/context-types';
import type { GuardEvent, GuardSession } from '../guard/session';
import { decisionFields } from '../guard/session';
import type { ComposeAdapter } from '../platforms/types';
import type { ComposeState } from './compose-state';
import { hasEmailRules } from '../core/email-rules';
import { cutAtQuote } from './quote-boundary';
import type { MailboxAnswers } from './sender-answers';
import { senderScope, type SenderHow } from './sender-scope';
import { checkContextOf, domainOf } from './scope';

export interface SendCheck {
  ctx: GuardContext;
  sender?: string;
  result: EmailCheckResult;
  /** Present when the sender is in scope and the message has findings. */
  decision?: Decision;
  /** How the sender was settled (read, or the policy's rule for an unreadable one). */
  how?: SenderHow;
  /**
   * `pass`: let the send go untouched (compliant, out of scope, allowed or audit only); `ask`: the
   * sender is unreadable and the policy says to ask the person first.
   */
  outcome: 'pass' | 'stop' | 'ask';
}

/**
 * The check at the moment of a send, synchronous so a compliant send is not held up: reads the
 * compose as it is now (the From may have changed since it opened), runs the email checks and
 * the policy's decision. `undefined` before the policy has reached the page.
 */
export function checkSend(state: ComposeState, adapter: ComposeAdapter, session: GuardSession, answers: MailboxAnswers): SendCheck | undefined {
  const ctx = session.current;
  if (!ctx) return undefined;
  const sender = adapter.sender(state.root, document);
  const { how, inScope } = senderScope(sender, ctx, answers.current());
  const out = { ctx, sender, how };
  if (inScope === undefined && hasEmailRules(ctx.policy)) return { ...out, result: { compliant: true, inScope: false, findings: [] }, outcome: 'ask' };
  // Only what precedes the quoted thread is serialised: the check costs what the person wrote.
  const { head, rest } = cutAtQuote(state.body);
  const input = { from: sender ?? '', subject: adapter.subject(state.root), body: head, quoted: rest, format: 'html' as const };
  // An unreadable sender the person or the policy called local is checked as one.
  const result = checkEmail(input, ctx.policy, { ...checkContextOf(ctx), everySenderInScope: sender === undefined && inScope === true });
  if (!result.inScope || result.compliant) return { ...out, result, outcome: 'pass' };
  const decision = session.decide({ surface: 'send', findings: result.findings.map((f) => f.rule) });
  const stop = decision !== undefined && (decision.verdict === 'block' || decision.verdict === 'warn');
  return { ...out, result, decision, outcome: stop ? 'stop' : 'pass' };
}

/** The log fields of a check: rules, clauses and findings, the sender's domain; never content. */
export function checkFields(check: SendCheck): Omit<GuardEvent, 'surface' | 'action'> {
  const decided = check.decision ? decisionFields(check.decision) : { verdict: 'allow' as const };
  return { ...decided, findings: check.result.findings.map((f) => f.rule), senderDomain: domainOf(check.sender) };
}
