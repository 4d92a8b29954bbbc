import type { Bilingual } from '../core/lang';

/**
 * What the organizing platforms' guards (downloads, copy, print, the email step, the access banner)
 * say beyond the shared guard strings (lib/guard/strings.ts), French and English side by side.
 */
export const ORGANIZING_STRINGS = {
  authorizedTitle: { fr: 'Exportation autorisée', en: 'Export authorized' },
  authorizedBody: {
    fr: 'Votre autorisation écrite {reference} ({purpose}) permet cette exportation jusqu’au {expires}.',
    en: 'Your written authorization {reference} ({purpose}) allows this export until {expires}.',
  },
  expiredAuthorization: {
    fr: 'Votre autorisation écrite {reference} ({purpose}) a expiré le {date}. Demandez-en une nouvelle.',
    en: 'Your written authorization {reference} ({purpose}) expired on {date}. Request a new one.',
  },
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
  copyCountsAtLeast: {
    fr: 'Ce que vous copiez, au moins\u00a0— adresses courriel\u00a0: {emails}\u00a0· numéros de téléphone\u00a0: {phones}\u00a0· lignes de liste\u00a0: {rows} (le décompte s’arrête là).',
    en: 'What you are copying, at least — email addresses: {emails} · phone numbers: {phones} · list rows: {rows} (counting stops there).',
  },
  copyOtherData: {
    fr: 'La page place une image ou des données d’un autre type dans le presse-papiers, alors qu’elle affiche une liste de membres.',
    en: 'The page is putting an image or data of another type on the clipboard while it shows a member list.',
  },
} as const satisfies Record<string, Bilingual>;

export type OrganizingStringKey = keyof typeof ORGANIZING_STRINGS;
