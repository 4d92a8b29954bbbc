import type { Bilingual } from '../core/lang';

/**
 * Strings the in-page guard (dialogs, banner) shows, French and English side by side. Kept apart
 * from the pages' catalogue so content scripts bundle only these. Policy text comes from the policy.
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
  authorizedTitle: { fr: 'Exportation autorisée', en: 'Export authorized' },
  authorizedBody: {
    fr: 'Votre autorisation écrite {reference} ({purpose}) permet cette exportation jusqu’au {expires}.',
    en: 'Your written authorization {reference} ({purpose}) allows this export until {expires}.',
  },
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
  expiredAuthorization: {
    fr: 'Votre autorisation écrite {reference} ({purpose}) a expiré le {date}. Demandez-en une nouvelle.',
    en: 'Your written authorization {reference} ({purpose}) expired on {date}. Request a new one.',
  },
  // Organizing platforms (Action Network, Action Builder): lib/organizing, lib/platforms/action-*.
  downloadAnyway: { fr: 'Télécharger quand même', en: 'Download anyway' },
  copyAnyway: { fr: 'Copier quand même', en: 'Copy anyway' },
  printAnyway: { fr: 'Imprimer quand même', en: 'Print anyway' },
  exportAnyway: { fr: 'Exporter quand même', en: 'Export anyway' },
  downloadHeld: { fr: 'Vigie retient un téléchargement (fichier {type}) venant de cette page.', en: 'Vigie is holding a download ({type} file) from this page.' },
  downloadStopped: { fr: 'Vigie a arrêté un téléchargement (fichier {type}) venant de cette page.', en: 'Vigie stopped a download ({type} file) from this page.' },
  copyCounts: {
    fr: 'Ce que vous copiez\u00a0— adresses courriel\u00a0: {emails}\u00a0· numéros de téléphone\u00a0: {phones}\u00a0· lignes de tableau\u00a0: {rows}.',
    en: 'What you are copying — email addresses: {emails} · phone numbers: {phones} · table rows: {rows}.',
  },
  printBlanked: {
    fr: 'Impression retenue par Vigie\u00a0: fermez cet aperçu et appuyez sur Ctrl+P dans la page pour dire pourquoi vous imprimez cette liste de membres.',
    en: 'Printing held by Vigie: close this preview and press Ctrl+P in the page to say why you are printing this member list.',
  },
  accessBannerTitle: { fr: 'Vigie\u00a0: exportations bloquées', en: 'Vigie: exports blocked' },
  useWrapper: { fr: 'Passer au gabarit «\u00a0{name}\u00a0» et revoir l’aperçu', en: 'Switch to the “{name}” wrapper and review the preview' },
  wrapperChosen: { fr: 'Gabarit choisi\u00a0: «\u00a0{name}\u00a0». Gabarits approuvés\u00a0: {approved}.', en: 'Wrapper chosen: “{name}”. Approved wrappers: {approved}.' },
  noWrapper: { fr: 'aucun', en: 'none' },
  savePageAgain: { fr: 'Une fois la justification consignée, appuyez de nouveau sur Ctrl+S.', en: 'Once your justification is logged, press Ctrl+S again.' },
  // Webmail send guard (lib/webmail/).
  sendBlockedTitle: { fr: 'Courriel retenu\u00a0: il ne respecte pas la politique', en: 'Email held back: it does not meet the policy' },
  sendWarnTitle: { fr: 'Vérifiez ce courriel avant de l’envoyer', en: 'Check this email before sending it' },
  insertNoticeAndSend: { fr: 'Insérer l’avis et envoyer', en: 'Insert the notice and send' },
  addOpeningAndSend: { fr: 'Ajouter la section locale au début et envoyer', en: 'Add the local section to the opening and send' },
  fixAllAndSend: { fr: 'Tout corriger et envoyer', en: 'Fix everything and send' },
  fixAll: { fr: 'Tout corriger', en: 'Fix everything' },
  insertNotice: { fr: 'Insérer l’avis', en: 'Insert the notice' },
  addOpening: { fr: 'Ajouter la section locale au début', en: 'Add the local section to the opening' },
  openingLineLabel: { fr: 'Ligne ajoutée au début du message (modifiable)', en: 'Line added at the start of the message (you can edit it)' },
  openingLine: { fr: 'Message de la {section}', en: 'Message from {section}' },
} as const satisfies Record<string, Bilingual>;

export type GuardStringKey = keyof typeof GUARD_STRINGS;

export function gt(lang: 'fr' | 'en', key: GuardStringKey, values: Record<string, string | number> = {}): string {
  return GUARD_STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
