/** The send check as it was before the quote boundary moved to the DOM (frozen): the oracle the new code must agree with. */
import type { FindingId, Policy } from '../../../../lib/core/policy';
import { hasEmailRules } from '../../../../lib/core/email-rules';
import { isLocalSectionAccount } from '../../../../lib/core/email/accounts';
import { campaignTerms } from '../../../../lib/core/email/campaign';
import { identifiesLocal } from '../../../../lib/core/email/local-id-detector';
import { findingMessage } from '../../../../lib/core/email/messages';
import { detectNotice, type NoticeStatus } from '../../../../lib/core/email/notice-detector';
import { splitQuote } from './quote-split';
import type { EmailCheckResult, EmailFinding, EmailInput, Section } from '../../../../lib/core/email/types';

export type { EmailCheckResult, EmailFinding, EmailInput, Section } from '../../../../lib/core/email/types';
export { isLocalSectionAccount } from '../../../../lib/core/email/accounts';
export { signatureBlock, type SignatureBlock } from '../../../../lib/core/email/signature-block';

export interface CheckContext {
  /** The sender's local section (from the grant); without it any section number identifies. */
  section?: Section;
  /** The grant's local-section accounts, in scope besides the policy's account patterns. */
  grantAccounts?: readonly string[];
  /** Check whatever the sender (the CLI with --local, or a file whose sender is unknown). */
  everySenderInScope?: boolean;
}

const NOTICE_FINDING: Record<Exclude<NoticeStatus, 'present'>, FindingId> = {
  missing: 'notice-missing',
  altered: 'notice-altered',
  'only-in-quote': 'notice-only-in-quote',
};

/**
 * The send check, shared by the extension and the CLI: clause 9.2 (notice in the sender's own
 * signature), 9.1 (the start says it comes from the local) and, when the policy has a campaign
 * lexicon, 8.1.e. Pure and fast: only the new content is normalised unless the notice is missing
 * from it, so a long quoted history costs little.
 */
export function checkEmail(input: EmailInput, policy: Policy, ctx: CheckContext = {}): EmailCheckResult {
  if (!hasEmailRules(policy)) return { compliant: true, inScope: false, findings: [] };
  const inScope = ctx.everySenderInScope === true || isLocalSectionAccount(input.from, policy, ctx.grantAccounts);
  if (!inScope) return { compliant: true, inScope: false, findings: [] };

  const split = splitQuote(input.body, input.format);
  const findings: EmailFinding[] = [];
  const add = (rule: FindingId, clause: string, terms?: string[]) =>
    findings.push({ rule, clause, message: findingMessage(rule, policy, ctx.section, terms), ...(terms ? { terms } : {}) });

  const notice = detectNotice(split, policy.notice.text);
  if (notice !== 'present') add(NOTICE_FINDING[notice], policy.notice.clause);
  if (!identifiesLocal(input.subject, openingOf(input, split.newContent), policy, ctx.section)) add('local-id-missing', policy.localIdentification.clause);
  if (policy.campaignLexicon) {
    const terms = campaignTerms(input.subject, split.newContent, policy);
    if (terms.length > 0) add('campaign-term', policy.campaignLexicon.clause, terms);
  }
  return { compliant: findings.length === 0, inScope: true, findings };
}

/**
 * Where a signature starts in the new content: ours (`data-vigie-signature`), Gmail's
 * (`gmail_signature`), Outlook's (`id="Signature"`), or a plain-text `-- ` line. A signature is at
 * the end of the message, so it cannot be the "start" clause 9.1 asks about.
 */
const SIGNATURE_HTML = /data-vigie-signature|gmail_signature|id=["']?Signature\b/i;
const SIGNATURE_TEXT = /^-- ?$/m;

/** The new content before any signature: what the opening check reads. */
function openingOf(input: EmailInput, newContent: string): string {
  const marker = input.format === 'html' ? SIGNATURE_HTML.exec(input.body) : SIGNATURE_TEXT.exec(input.body);
  if (!marker) return newContent;
  const tagStart = input.format === 'html' ? input.body.lastIndexOf('<', marker.index) : marker.index;
  return splitQuote(input.body.slice(0, Math.max(0, tagStart)), input.format).newContent;
}
