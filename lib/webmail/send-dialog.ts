import type { Decision } from '../core/decide';
import { sectionLabel } from '../core/email/signature-block';
import { fill, type Lang } from '../core/lang';
import { dialogForDecision } from '../guard/decision-dialog';
import type { DialogFix, DialogSpec } from '../guard/dialog';
import { GUARD_STRINGS } from '../guard/strings';
import type { SendCheck } from './send-check';
import { SEND_STRINGS } from './send-strings';
import { sectionOf } from './scope';

export const FIX_NOTICE = 'insert-notice';
export const FIX_OPENING = 'add-opening';
/** Every fix at once, when there are several: one press fixes the email (and sends it if nothing else is left). */
export const FIX_ALL = 'fix-all';

/** Findings a one-click fix clears. */
const FIXABLE = (rule: string | undefined) => rule?.startsWith('notice-') === true || rule === 'local-id-missing';

/**
 * The dialog for a stopped send: what is wrong in the checks' plain words, each with its clause;
 * one fix button (one primary action): the fix, or "Fix everything" when there are several, with
 * the opening line the person can edit. The button says "and send" only when the fix leaves
 * nothing else to settle, since only then does it send. "Send anyway", with its justification
 * step, only where the policy's verdict is a warning.
 */
export function sendDialogSpec(check: SendCheck & { decision: Decision }): DialogSpec {
  const { ctx, decision, result } = check;
  const rules = new Set(decision.reasons.map((r) => r.finding));
  const needsNotice = [...rules].some((r) => r?.startsWith('notice-'));
  const needsOpening = rules.has('local-id-missing');
  const sends = [...rules].every(FIXABLE);
  let fix: DialogFix | undefined;
  if (needsNotice && needsOpening) fix = { id: FIX_ALL, label: sends ? SEND_STRINGS.fixAllAndSend : SEND_STRINGS.fixAll };
  else if (needsNotice) fix = { id: FIX_NOTICE, label: sends ? SEND_STRINGS.insertNoticeAndSend : SEND_STRINGS.insertNotice };
  else if (needsOpening) fix = { id: FIX_OPENING, label: sends ? SEND_STRINGS.addOpeningAndSend : SEND_STRINGS.addOpening };
  const spec = dialogForDecision(decision, ctx.policy, ctx.lang, {
    fixes: fix ? [fix] : [],
    overrideLabel: GUARD_STRINGS.sendAnyway,
    surface: 'send',
    editable: needsOpening && fix ? { label: SEND_STRINGS.openingLineLabel, value: openingLine(check, ctx.lang), forFix: fix.id } : undefined,
  });
  return {
    ...spec,
    title: decision.verdict === 'block' ? SEND_STRINGS.sendBlockedTitle : SEND_STRINGS.sendWarnTitle,
    // The checks say what is wrong and what to do; the rule's own message is the fallback.
    reasons: decision.reasons.map((r) => ({ message: result.findings.find((f) => f.rule === r.finding)?.message ?? r.message, clauses: r.clauses })),
  };
}

/** "Message de la Section locale 70 – Ottawa" / "Message from Local 70 – Ottawa", or the policy's pattern. */
function openingLine(check: SendCheck, lang: Lang): string {
  const section = sectionOf(check.ctx);
  const name = section ? sectionLabel(check.ctx.policy, section, lang) : (check.ctx.policy.localIdentification?.patterns[0] ?? '').replaceAll('{number}', '').trim();
  return fill(SEND_STRINGS.openingLine, { section: name })[lang];
}
