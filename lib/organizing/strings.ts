import type { Bilingual } from '../core/lang';

/** Lines the copy and print guards add to a dialog, beyond the shared guard strings. */
export const ORGANIZING_STRINGS = {
  copyCountsAtLeast: {
    fr: 'La copie contient au moins {emails} adresse(s) courriel, {phones} numéro(s) de téléphone et {rows} ligne(s) de liste (le décompte s’arrête là).',
    en: 'The copy holds at least {emails} email address(es), {phones} phone number(s) and {rows} list row(s) (counting stops there).',
  },
  copyOtherData: {
    fr: 'La page place une image ou des données d’un autre type dans le presse-papiers, alors qu’elle affiche une liste de membres.',
    en: 'The page is putting an image or data of another type on the clipboard while it shows a member list.',
  },
} as const satisfies Record<string, Bilingual>;
