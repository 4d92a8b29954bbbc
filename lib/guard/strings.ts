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
  // Organizing platforms (Action Network, Action Builder): lib/organizing, lib/platforms/action-*.
  downloadAnyway: { fr: 'Télécharger quand même', en: 'Download anyway' },
  copyAnyway: { fr: 'Copier quand même', en: 'Copy anyway' },
  printAnyway: { fr: 'Imprimer quand même', en: 'Print anyway' },
  exportAnyway: { fr: 'Exporter quand même', en: 'Export anyway' },
  downloadHeld: { fr: 'Vigie retient un téléchargement (fichier {type}) venant de cette page.', en: 'Vigie is holding a download ({type} file) from this page.' },
  downloadStopped: { fr: 'Vigie a arrêté un téléchargement (fichier {type}) venant de cette page.', en: 'Vigie stopped a download ({type} file) from this page.' },
  copyCounts: {
    fr: 'La copie contient {emails} adresse(s) courriel, {phones} numéro(s) de téléphone et {rows} ligne(s) de tableau.',
    en: 'The copy holds {emails} email address(es), {phones} phone number(s) and {rows} table row(s).',
  },
  printBlanked: {
    fr: 'Impression retenue par Vigie : utilisez Ctrl+P sur la page pour justifier une impression de liste de membres (article 7.2).',
    en: 'Printing held by Vigie: use Ctrl+P on the page to justify printing a member list (clause 7.2).',
  },
  accessBannerTitle: { fr: 'Vigie : exportations bloquées', en: 'Vigie: exports blocked' },
  useWrapper: { fr: 'Utiliser le gabarit « {name} »', en: 'Use the “{name}” wrapper' },
  wrapperChosen: { fr: 'Gabarit choisi : « {name} ». Gabarits approuvés : {approved}.', en: 'Wrapper chosen: “{name}”. Approved wrappers: {approved}.' },
  noWrapper: { fr: 'aucun', en: 'none' },
  savePageAgain: { fr: 'Une fois la justification consignée, appuyez de nouveau sur Ctrl+S.', en: 'Once your justification is logged, press Ctrl+S again.' },
  // Webmail send guard (lib/webmail/).
  sendBlockedTitle: { fr: 'Courriel retenu : il ne respecte pas la politique', en: 'Email held back: it does not meet the policy' },
  sendWarnTitle: { fr: 'Vérifiez ce courriel avant de l’envoyer', en: 'Check this email before sending it' },
  insertNoticeAndSend: { fr: 'Insérer l’avis et envoyer', en: 'Insert the notice and send' },
  addOpeningAndSend: { fr: 'Ajouter la section locale au début et envoyer', en: 'Add the local section to the opening and send' },
  openingLineLabel: { fr: 'Ligne ajoutée au début du message (modifiable)', en: 'Line added at the start of the message (you can edit it)' },
  openingLine: { fr: 'Message de la {section}', en: 'Message from {section}' },
} as const satisfies Record<string, Bilingual>;

export type GuardStringKey = keyof typeof GUARD_STRINGS;

export function gt(lang: 'fr' | 'en', key: GuardStringKey, values: Record<string, string | number> = {}): string {
  return GUARD_STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
