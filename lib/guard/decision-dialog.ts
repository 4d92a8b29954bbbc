import type { Decision } from '../core/decide';
import type { Bilingual } from '../core/lang';
import type { Policy } from '../core/policy';
import type { DialogFix, DialogSpec } from './dialog';
import { GUARD_STRINGS } from './strings';

/**
 * The dialog for a decision that stops an action: its reasons and clauses, the contact, the
 * fixes offered, and an override only where the policy allows one.
 */
export function dialogForDecision(
  decision: Decision,
  policy: Policy,
  lang: 'fr' | 'en',
  options: { fixes?: DialogFix[]; overrideLabel?: Bilingual; editable?: DialogSpec['editable'] } = {},
): DialogSpec {
  const contact = policy.contacts.privacyOfficer;
  const contactLine: Bilingual = {
    fr: GUARD_STRINGS.contact.fr.replace('{contact}', contact.title.fr).replace('{email}', contact.email),
    en: GUARD_STRINGS.contact.en.replace('{contact}', contact.title.en).replace('{email}', contact.email),
  };
  return {
    lang,
    title: decision.verdict === 'block' ? GUARD_STRINGS.blockedTitle : GUARD_STRINGS.warnTitle,
    reasons: decision.reasons.map((r) => ({ message: r.message, clauses: r.clauses })),
    clauseTitles: policy.clauses,
    fixes: options.fixes,
    editable: options.editable,
    override: decision.override.allowed && decision.verdict === 'warn'
      ? { label: options.overrideLabel ?? GUARD_STRINGS.continueAnyway, justification: decision.override.justification }
      : undefined,
    notes: [contactLine],
  };
}
