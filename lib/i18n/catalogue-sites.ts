import type { Text } from '../core/text';

/** Strings about site fixes (signed site packs, lib/sync/sites-sync.ts), French and English. */
export const SITES_CATALOGUE = {
  sitesTerm: { fr: "Correctifs de sites", en: "Site fixes" },
  sitesBundled: { fr: "Ceux fournis avec l'extension", en: "The ones that came with the extension" },
  sitesFromUrl: { fr: "Version {version}, du serveur de l'organisation", en: "Version {version}, from your organisation's server" },
  sitesFromManaged: { fr: "Version {version}, de la configuration des TI", en: "Version {version}, from your IT configuration" },
  sitesWhereUrl: { fr: "Correctifs de sites du serveur", en: "Site fixes from the server" },
  sitesWhereManaged: { fr: "Correctifs de sites de la configuration des TI", en: "Site fixes in the IT configuration" },
  sitesKept: {
    fr: "Les derniers correctifs de sites valides restent en vigueur.",
    en: "The last valid site fixes stay in force.",
  },
  eventSitesUpdated: { fr: "Nouveaux correctifs de sites en vigueur : version {version}", en: "New site fixes in force: version {version}" },
  sitesRollback: {
    fr: "Ces correctifs sont plus anciens que ceux déjà en vigueur.",
    en: "These fixes are older than the ones already in force.",
  },
  sitesFromWhereUrl: { fr: "serveur", en: "server" },
  sitesFromWhereManaged: { fr: "configuration des TI", en: "IT configuration" },
  eventSitesRefused: { fr: "Correctifs de sites refusés ({where}) : {reason}", en: "Site fixes refused ({where}): {reason}" },
  eventSitesFetchFailed: { fr: "Correctifs de sites non récupérés ({where}) : {reason}", en: "Site fixes could not be fetched ({where}): {reason}" },
} as const satisfies Record<string, Text>;
