import type { Bilingual } from '../core/lang';

/** Lines the copy and print guards add to a dialog, beyond the shared guard strings. */
export const ORGANIZING_STRINGS = {
  copyCountsAtLeast: {
    fr: 'Ce que vous copiez, au moins\u00a0— adresses courriel\u00a0: {emails}\u00a0· numéros de téléphone\u00a0: {phones}\u00a0· lignes de liste\u00a0: {rows} (le décompte s’arrête là).',
    en: 'What you are copying, at least — email addresses: {emails} · phone numbers: {phones} · list rows: {rows} (counting stops there).',
  },
  copyOtherData: {
    fr: 'La page place une image ou des données d’un autre type dans le presse-papiers, alors qu’elle affiche une liste de membres.',
    en: 'The page is putting an image or data of another type on the clipboard while it shows a member list.',
  },
} as const satisfies Record<string, Bilingual>;
