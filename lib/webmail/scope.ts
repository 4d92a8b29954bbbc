import { addressOf } from '../core/email/accounts';
import { isLocalSectionAccount, type CheckContext, type Section } from '../core/email/check-email';
import type { GuardContext } from '../guard/context-types';

/** The sender's local section, from the grant held (whatever its status: it only adds checks). */
export function sectionOf(ctx: GuardContext): Section | undefined {
  const section = ctx.grant?.section;
  return section && { number: section.number, name: section.name };
}

/** What the email checks need from the guard context. */
export function checkContextOf(ctx: GuardContext): CheckContext {
  return { section: sectionOf(ctx), grantAccounts: ctx.grant?.section?.accounts ?? [] };
}

/** Whether mail from `sender` is the policy's business: a local-section account of the grant or the policy. */
export function inScope(sender: string | undefined, ctx: GuardContext): boolean {
  return sender !== undefined && isLocalSectionAccount(sender, ctx.policy, ctx.grant?.section?.accounts ?? []);
}

/** The domain of the sending account, the only part of an address the log keeps. */
export function domainOf(sender: string | undefined): string | undefined {
  const at = sender ? addressOf(sender).split('@') : [];
  return at.length === 2 && at[1] ? at[1] : undefined;
}
