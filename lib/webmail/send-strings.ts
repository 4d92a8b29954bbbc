import type { Bilingual } from '../core/lang';

/**
 * What the webmail send guard's dialog says beyond the shared guard strings (lib/guard/strings.ts),
 * French and English side by side: its titles and the one-click fixes.
 */
export const SEND_STRINGS = {
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
