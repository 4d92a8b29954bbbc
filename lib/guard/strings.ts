import type { Bilingual } from '../core/lang';

/**
 * Strings every in-page guard's dialogs show, French and English side by side. Kept apart from
 * the pages' catalogue so content scripts bundle only these; what only the organizing platforms'
 * guards say is in lib/organizing/strings.ts, what only the webmail send guard says in
 * lib/webmail/send-strings.ts, so neither kind of script carries the other's. Policy text comes
 * from the policy.
 */
export const GUARD_STRINGS = {
  brand: { fr: 'Vigie', en: 'Vigie' },
  toneBlock: { fr: 'Action bloquée', en: 'Action blocked' },
  toneWarn: { fr: 'Avertissement', en: 'Warning' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  close: { fr: 'Fermer', en: 'Close' },
  back: { fr: 'Retour', en: 'Back' },
  continueAnyway: { fr: 'Continuer quand même', en: 'Continue anyway' },
  sendAnyway: { fr: 'Envoyer quand même', en: 'Send anyway' },
  whyRequired: { fr: 'Pourquoi continuer quand même? Votre réponse est consignée au journal.', en: 'Why go ahead anyway? Your answer is written to the log.' },
  whyOptional: { fr: 'Pourquoi continuer quand même? (facultatif, consigné au journal)', en: 'Why go ahead anyway? (optional, written to the log)' },
  vigieWrong: { fr: 'Vigie se trompe', en: 'Vigie is wrong here' },
  otherReason: { fr: 'Autre raison', en: 'Another reason' },
  justificationLabel: {
    fr: 'Précisez en quelques mots (au moins {min}\u00a0caractères si vous n’avez pas choisi de raison ci-dessus, ou si Vigie se trompe)',
    en: 'Explain in a few words (at least {min} characters if you did not pick a reason above, or if Vigie is wrong here)',
  },
  justificationOptionalLabel: { fr: 'Précisez si vous le souhaitez', en: 'Add details if you wish' },
  justificationTooShort: { fr: 'Écrivez au moins {min}\u00a0caractères.', en: 'Write at least {min} characters.' },
  notSeen: {
    fr: 'Ce choix n’a pas été pris en compte\u00a0: la fenêtre de Vigie venait de s’afficher ou la page la cachait. Relisez-la, puis appuyez de nouveau.',
    en: 'That choice was not taken: Vigie’s window had just appeared or the page was covering it. Read it again, then press again.',
  },
  clause: { fr: 'Article {number}', en: 'Clause {number}' },
  section: { fr: 'Section «\u00a0{title}\u00a0»', en: 'Section “{title}”' },
  otherLanguage: { fr: 'English', en: 'Français' },
  blockedTitle: { fr: 'Action bloquée par la politique', en: 'Action blocked by the policy' },
  warnTitle: { fr: 'Vérifiez avant de continuer', en: 'Check before you continue' },
  contact: { fr: 'Questions\u00a0: {contact}, {email}', en: 'Questions: {contact}, {email}' },
  // The next step on a block (lib/guard/dialog-request.ts).
  requestAuthorization: { fr: 'Demander une autorisation', en: 'Request an authorization' },
  requestHelp: {
    fr: 'Vigie prépare un message à {authority} ({email}). Il indique la plateforme, le titre de la page et l’action, jamais de renseignements sur les membres.',
    en: 'Vigie prepares a message to {authority} ({email}). It names the platform, the page title and the action, never any member information.',
  },
  requestPurpose: { fr: 'À quoi servira cette autorisation? (obligatoire, au moins {min}\u00a0caractères)', en: 'What is the authorization for? (required, at least {min} characters)' },
  requestPurposeShort: { fr: 'Dites en au moins {min}\u00a0caractères à quoi servira l’autorisation.', en: 'Say in at least {min} characters what the authorization is for.' },
  requestPrepare: { fr: 'Préparer le message', en: 'Prepare the message' },
  requestPrepared: {
    fr: 'Votre message à {authority} ({email}) est prêt dans votre logiciel de courriel\u00a0: relisez-le, puis envoyez-le. Votre demande est consignée au journal.',
    en: 'Your message to {authority} ({email}) is ready in your email program: read it over, then send it. Your request is written to the log.',
  },
  requestFailed: { fr: 'Le message n’a pas pu être préparé. Écrivez directement à l’adresse ci-dessus.', en: 'The message could not be prepared. Write directly to the address above.' },
} as const satisfies Record<string, Bilingual>;

export type GuardStringKey = keyof typeof GUARD_STRINGS;

export function gt(lang: 'fr' | 'en', key: GuardStringKey, values: Record<string, string | number> = {}): string {
  return GUARD_STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
