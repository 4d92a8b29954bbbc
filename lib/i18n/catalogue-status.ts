import type { Text } from '../core/text';

/**
 * The popup's status at a glance (one sentence, the problems and their buttons), the toolbar
 * badge's titles, citations by number or by section title, and the grant removal's confirmation.
 */
export const STATUS_CATALOGUE = {
  citeNumber: { fr: "article {clause}", en: "clause {clause}" },
  citeTitle: { fr: "section «\u00a0{title}\u00a0»", en: "section “{title}”" },

  summaryValid: {
    fr: "Vous pouvez travailler sur {platforms} jusqu’au {date}. Vigie vous arrête avant que des renseignements ne sortent sans autorisation.",
    en: "You may work on {platforms} until {date}. Vigie stops you before any information leaves without an authorization.",
  },
  summaryNone: { fr: "Vous n’avez pas d’autorisation d’accès enregistrée\u00a0: toute exportation est bloquée.", en: "You have no access authorization recorded: every export is blocked." },
  summaryUnverifiable: { fr: "Vigie ne peut pas vérifier votre autorisation d’accès\u00a0: toute exportation est bloquée.", en: "Vigie cannot verify your access authorization: every export is blocked." },
  summaryExpired: { fr: "Votre autorisation d’accès a expiré le {date}\u00a0: toute exportation est bloquée.", en: "Your access authorization expired on {date}: every export is blocked." },
  summaryTaskEnded: {
    fr: "Votre tâche s’est terminée le {date}\u00a0: votre accès est retiré. Cessez d’utiliser les données obtenues pour cette tâche.",
    en: "Your task ended on {date}: your access is withdrawn. Stop using the data you obtained for this task.",
  },
  summaryRevoked: {
    fr: "Votre autorisation d’accès a été révoquée\u00a0: toute exportation est bloquée. Cessez d’utiliser les renseignements que vous avez exportés.",
    en: "Your access authorization has been revoked: every export is blocked. Stop using any information you exported.",
  },
  summaryNotYet: { fr: "Votre autorisation d’accès entre en vigueur le {date}\u00a0; d’ici là, toute exportation est bloquée.", en: "Your access authorization comes into force on {date}; until then, every export is blocked." },

  problemsHeading: { fr: "À régler", en: "To fix" },
  problemGrant: { fr: "Pour obtenir une autorisation à jour, écrivez à {contact} ({email}), puis importez-la.", en: "To get an up-to-date authorization, write to {contact} ({email}), then import it." },
  problemGrantManaged: { fr: "Les TI de votre organisation fournissent votre autorisation\u00a0: écrivez à {contact} ({email}).", en: "Your organisation’s IT provides your authorization: write to {contact} ({email})." },
  problemGrantButton: { fr: "Importer une autorisation", en: "Import an authorization" },
  problemDegradedWebmail: {
    fr: "{platform}\u00a0: Vigie ne reconnaît plus une partie de la page. La vérification avant l’envoi pourrait ne pas se faire\u00a0: relisez vous-même l’avis et la mention de la section locale, et rechargez la page.",
    en: "{platform}: Vigie no longer recognises part of the page. The check before sending may not run: check the notice and the local’s name yourself, and reload the page.",
  },
  problemDegraded: {
    fr: "{platform}\u00a0: Vigie ne reconnaît plus une partie de la page. Les téléchargements restent vérifiés, mais rechargez la page pour que le reste le soit aussi.",
    en: "{platform}: Vigie no longer recognises part of the page. Downloads are still checked, but reload the page so the rest is too.",
  },
  problemSync: { fr: "La politique n’a pas pu être mise à jour\u00a0: {what}", en: "The policy could not be updated: {what}" },
  problemRefusedPolicy: { fr: "La politique reçue a été refusée\u00a0: {what}", en: "The policy received was refused: {what}" },
  problemSelfHosted: { fr: "{platform}\u00a0: Vigie n’est pas encore activé sur {host}.", en: "{platform}: Vigie is not enabled on {host} yet." },
  problemSelfHostedButton: { fr: "Activer dans les options", en: "Enable in the options" },
  itDetails: { fr: "Détails pour les TI", en: "Details for IT" },

  badgeRed: { fr: "Vigie\u00a0: pas d’accès en vigueur", en: "Vigie: no access in force" },
  badgeAmber: { fr: "Vigie\u00a0: un problème demande votre attention", en: "Vigie: a problem needs your attention" },
  badgeOk: { fr: "Vigie\u00a0: tout fonctionne", en: "Vigie: all working" },

  removeConfirm: {
    fr: "Retirer l’autorisation de {holder}? Toute exportation sera bloquée jusqu’à ce que vous en importiez une autre.",
    en: "Remove {holder}’s access authorization? Every export will be blocked until you import another one.",
  },
  removeConfirmYes: { fr: "Oui, retirer", en: "Yes, remove it" },
  removeConfirmNo: { fr: "Non, garder", en: "No, keep it" },
  unitTask: { fr: "Limitée à la tâche ci-dessous", en: "Limited to the task below" },
} as const satisfies Record<string, Text>;
