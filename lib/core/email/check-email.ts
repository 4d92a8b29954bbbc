import type { FindingId, Policy } from '../policy';
import { hasEmailRules } from '../email-rules';
import { isLocalSectionAccount } from './accounts';
import { campaignTerms } from './campaign';
import { identifiesLocal } from './local-id-detector';
import { findingMessage } from './messages';
import { detectNotice, type NoticeStatus } from './notice-detector';
import { firstHtmlMarker, firstTextMarker } from './quote-markers';
import { splitQuote } from './quote-split';
import type { EmailCheckResult, EmailFinding, EmailInput, Section } from './types';

export type { EmailCheckResult, EmailFinding, EmailInput, Section } from './types';
export { isLocalSectionAccount } from './accounts';
export { signatureBlock, type SignatureBlock } from './signature-block';

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

  const split = splitQuote(input.body, input.format, input.format === 'html' ? input.quoted : undefined);
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

/**
 * The new content before any signature: what the opening check reads. The signature is looked
 * for before the quote only: one found in the history would cut the same new content anyway.
 */
function openingOf(input: EmailInput, newContent: string): string {
  const { body, format } = input;
  const quote = format === 'html' ? firstHtmlMarker(body) : firstTextMarker(body);
  const head = quote < 0 ? body : body.slice(0, quote);
  const marker = format === 'html' ? SIGNATURE_HTML.exec(head) : SIGNATURE_TEXT.exec(head);
  if (!marker) return newContent;
  const tagStart = format === 'html' ? head.lastIndexOf('<', marker.index) : marker.index;
  return splitQuote(head.slice(0, Math.max(0, tagStart)), format).newContent;
}
