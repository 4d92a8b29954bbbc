import { identifiesLocal } from '../core/email/local-id-detector';
import { hasEmailRules } from '../core/email-rules';
import { normaliseText } from '../core/email/normalise';
import { detectNotice } from '../core/email/notice-detector';
import { splitQuote } from '../core/email/quote-split';
import type { Section } from '../core/email/types';
import type { FindingId, Policy } from '../core/policy';
import type { EmailStepView } from '../platforms/types';

/**
 * The checks of a mass email at its send step (clauses 9.2 and 9.1), pure:
 * - the wrapper is one the policy approves for this platform (by name), or else the rendered
 *   preview carries the notice (a wrapper renamed, or the notice pasted in the body, still counts);
 * - the email names the local section at its start: in the subject, in the From name, or in the
 *   opening of the preview (a wrapper header naming the local counts: it is what members see first).
 */
export function checkEmailStep(view: EmailStepView, policy: Policy, platformId: string, section?: Section): FindingId[] {
  if (!hasEmailRules(policy)) return [];
  const findings: FindingId[] = [];
  if (!approvedWrapper(view.wrapper, policy, platformId)) {
    const notice = detectNotice(splitQuote(view.previewHtml, 'html'), policy.notice.text);
    if (notice !== 'present') findings.push(notice === 'altered' ? 'notice-altered' : 'notice-missing');
  }
  const opening = splitQuote(view.previewHtml, 'html').newContent;
  const named = identifiesLocal(view.subject, opening, policy, section) || identifiesLocal(view.fromName, '', policy, section);
  if (!named) findings.push('local-id-missing');
  return findings;
}

export function approvedWrapper(name: string | undefined, policy: Policy, platformId: string): boolean {
  if (name === undefined) return false;
  const approved = policy.platforms.find((p) => p.id === platformId)?.approvedTemplates ?? [];
  const wanted = normaliseText(name);
  return approved.some((a) => normaliseText(a) === wanted);
}

/** The first wrapper the chooser offers that the policy approves, for the dialog's one-click fix. */
export function approvedOption(view: EmailStepView, policy: Policy, platformId: string): string | undefined {
  return view.wrapperOptions.find((o) => approvedWrapper(o, policy, platformId));
}
