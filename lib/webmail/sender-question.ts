import type { GuardContext } from '../guard/context-types';
import { showGuardDialog, type DialogSpec } from '../guard/dialog';
import type { SenderAnswer } from '../state/sender-answers';
import { SENDER_STRINGS as STRINGS } from './sender-strings';


/**
 * Asks, at the first send from a mailbox whose sender the page does not show, whether it is a
 * local-section account, listing the grant's accounts (else the policy's account patterns).
 * `undefined` when the person cancels: the message stays.
 */
export async function askSender(ctx: GuardContext, signal: AbortSignal): Promise<SenderAnswer | undefined> {
  const listed = ctx.grant?.section?.accounts?.length ? ctx.grant.section.accounts : ctx.policy.accountPatterns;
  const accounts = listed.join(', ');
  const spec: DialogSpec = {
    lang: ctx.lang,
    // A question, not a refusal: the milder of the two tones.
    tone: 'warn',
    title: STRINGS.title,
    reasons: [{ message: { fr: STRINGS.cannotSee.fr.replace('{accounts}', accounts), en: STRINGS.cannotSee.en.replace('{accounts}', accounts) }, clauses: ctx.policy.notice ? [ctx.policy.notice.clause] : [] }],
    clauseTitles: ctx.policy.clauses,
    fixes: [
      { id: 'local', label: STRINGS.yes },
      { id: 'personal', label: STRINGS.no },
    ],
    notes: [STRINGS.remembered],
  };
  const choice = await showGuardDialog(spec, signal);
  return choice.choice === 'fix' && (choice.id === 'local' || choice.id === 'personal') ? choice.id : undefined;
}
