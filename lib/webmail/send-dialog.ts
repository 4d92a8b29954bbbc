import type { Decision } from '../core/decide';
import { sectionLabel } from '../core/email/signature-block';
import type { Lang } from '../core/lang';
import { dialogForDecision } from '../guard/decision-dialog';
import type { DialogFix, DialogSpec } from '../guard/dialog';
import { GUARD_STRINGS, gt } from '../guard/strings';
import type { SendCheck } from './send-check';
import { sectionOf } from './scope';

export const FIX_NOTICE = 'insert-notice';
export const FIX_OPENING = 'add-opening';

/**
 * The dialog for a stopped send: what is wrong in the checks' plain words, each with its clause;
 * the fixes that apply (insert the notice, add the local to the opening, with a line the person
 * can edit); "Send anyway" with a justification only where the policy's verdict is a warning.
 */
export function sendDialogSpec(check: SendCheck & { decision: Decision }): DialogSpec {
  const { ctx, decision, result } = check;
  const rules = new Set(decision.reasons.map((r) => r.finding));
  const fixes: DialogFix[] = [];
  if ([...rules].some((r) => r?.startsWith('notice-'))) fixes.push({ id: FIX_NOTICE, label: GUARD_STRINGS.insertNoticeAndSend });
  const needsOpening = rules.has('local-id-missing');
  if (needsOpening) fixes.push({ id: FIX_OPENING, label: GUARD_STRINGS.addOpeningAndSend });
  const spec = dialogForDecision(decision, ctx.policy, ctx.lang, {
    fixes,
    overrideLabel: GUARD_STRINGS.sendAnyway,
    editable: needsOpening ? { label: GUARD_STRINGS.openingLineLabel, value: openingLine(check, ctx.lang), forFix: FIX_OPENING } : undefined,
  });
  return {
    ...spec,
    title: decision.verdict === 'block' ? GUARD_STRINGS.sendBlockedTitle : GUARD_STRINGS.sendWarnTitle,
    // The checks say what is wrong and what to do; the rule's own message is the fallback.
    reasons: decision.reasons.map((r) => ({ message: result.findings.find((f) => f.rule === r.finding)?.message ?? r.message, clauses: r.clauses })),
  };
}

/** "Message de la Section locale 70 – Ottawa" / "Message from Local 70 – Ottawa", or the policy's pattern. */
function openingLine(check: SendCheck, lang: Lang): string {
  const section = sectionOf(check.ctx);
  const name = section ? sectionLabel(check.ctx.policy, section, lang) : (check.ctx.policy.localIdentification?.patterns[0] ?? '').replaceAll('{number}', '').trim();
  return gt(lang, 'openingLine', { section: name });
}
