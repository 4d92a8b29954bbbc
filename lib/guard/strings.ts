import type { Bilingual } from '../core/lang';

/**
 * Strings the in-page guard (dialogs, banner) shows, French and English side by side. Kept apart
 * from the pages' catalogue so content scripts bundle only these. Policy text comes from the policy.
 */
export const GUARD_STRINGS = {
  brand: { fr: 'Vigie', en: 'Vigie' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  close: { fr: 'Fermer', en: 'Close' },
  continueAnyway: { fr: 'Continuer quand même', en: 'Continue anyway' },
  sendAnyway: { fr: 'Envoyer quand même', en: 'Send anyway' },
  justificationRequired: { fr: 'Justification (obligatoire, consignée au journal)', en: 'Justification (required, written to the log)' },
  justificationOptional: { fr: 'Justification (facultative, consignée au journal)', en: 'Justification (optional, written to the log)' },
  justificationTooShort: { fr: 'Écrivez au moins {min} caractères.', en: 'Write at least {min} characters.' },
  clause: { fr: 'Article {number}', en: 'Clause {number}' },
  otherLanguage: { fr: 'English', en: 'Français' },
  blockedTitle: { fr: 'Action bloquée par la politique', en: 'Action blocked by the policy' },
  warnTitle: { fr: 'Vérifiez avant de continuer', en: 'Check before you continue' },
  authorizedTitle: { fr: 'Exportation autorisée', en: 'Export authorized' },
  authorizedBody: {
    fr: 'Votre autorisation écrite {reference} ({purpose}) permet cette exportation jusqu’au {expires}.',
    en: 'Your written authorization {reference} ({purpose}) allows this export until {expires}.',
  },
  contact: { fr: 'Questions : {contact}, {email}', en: 'Questions: {contact}, {email}' },
} as const satisfies Record<string, Bilingual>;

export type GuardStringKey = keyof typeof GUARD_STRINGS;

export function gt(lang: 'fr' | 'en', key: GuardStringKey, values: Record<string, string | number> = {}): string {
  return GUARD_STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
