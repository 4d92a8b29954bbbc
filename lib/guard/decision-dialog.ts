import type { Decision } from '../core/decide';
import type { Bilingual } from '../core/lang';
import type { Policy, Surface } from '../core/policy';
import type { AuthorizationRequest, DialogFix, DialogSpec } from './dialog-spec';
import { GUARD_STRINGS } from './strings';

/** "la personne responsable de la protection de la vie privée" where the policy gives it, else the title. */
export function contactInSentence(policy: Policy): Bilingual {
  const officer = policy.contacts.privacyOfficer;
  return officer.inSentence ?? officer.title;
}

/** The authority the policy names for the clauses of a decision; the privacy officer when it names none. */
export function authorityFor(policy: Policy, clauses: readonly string[]): { authority: Bilingual; email: string } {
  const named = policy.authorizations.find((a) => a.clauses.some((c) => clauses.includes(c)));
  return named ? { authority: named.authority, email: named.email } : { authority: contactInSentence(policy), email: policy.contacts.privacyOfficer.email };
}

export interface DecisionDialogOptions {
  fixes?: DialogFix[];
  overrideLabel?: Bilingual;
  editable?: DialogSpec['editable'];
  /** The surface decided, for the policy's predefined override reasons. */
  surface?: Surface;
  /** Sends an authorization request for this block (lib/guard/request.ts); none offered without it. */
  requestAuthorization?: (purpose: string) => Promise<boolean>;
}

/**
 * The dialog for a decision that stops an action: its reasons and clauses, the contact, the
 * fixes offered, an override only where the policy allows one (with its predefined reasons), and
 * on a block the next step: asking the authority the policy names for an authorization.
 */
export function dialogForDecision(decision: Decision, policy: Policy, lang: 'fr' | 'en', options: DecisionDialogOptions = {}): DialogSpec {
  const contact = contactInSentence(policy);
  const email = policy.contacts.privacyOfficer.email;
  const contactLine: Bilingual = {
    fr: GUARD_STRINGS.contact.fr.replace('{contact}', capitalise(contact.fr)).replace('{email}', email),
    en: GUARD_STRINGS.contact.en.replace('{contact}', capitalise(contact.en)).replace('{email}', email),
  };
  const block = decision.verdict === 'block';
  const clauses = decision.reasons.flatMap((r) => r.clauses);
  const reasons = policy.overrideReasons.filter((r) => !r.surfaces || !options.surface || r.surfaces.includes(options.surface));
  const request: AuthorizationRequest | undefined =
    block && options.requestAuthorization ? { ...authorityFor(policy, clauses), send: options.requestAuthorization } : undefined;
  return {
    lang,
    tone: block ? 'block' : 'warn',
    title: block ? GUARD_STRINGS.blockedTitle : GUARD_STRINGS.warnTitle,
    reasons: decision.reasons.map((r) => ({ message: r.message, clauses: r.clauses })),
    clauseTitles: policy.clauses,
    citeByTitle: policy.citations === 'title',
    fixes: options.fixes,
    editable: options.editable,
    override: decision.override.allowed && decision.verdict === 'warn'
      ? { label: options.overrideLabel ?? GUARD_STRINGS.continueAnyway, justification: decision.override.justification, reasons: reasons.map((r) => ({ id: r.id, text: r.text })) }
      : undefined,
    request,
    notes: [contactLine],
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
