import type { Text } from '../core/text';

/** The popup's words for the webmail guard's sender and lookups (issue 9). */
export const WEBMAIL_CATALOGUE = {
  healthSenderUnknown: { fr: "Expéditeur inconnu", en: "Sender unknown" },
  problemSenderAsk: {
    fr: "{platform}\u00a0: Vigie ne voit pas de quel compte vous écrivez. Au prochain envoi, elle vous demandera s’il s’agit d’un compte de section locale.",
    en: "{platform}: Vigie cannot see which account you are writing from. At your next Send, it will ask whether it is a local-section account.",
  },
  problemSenderIgnored: {
    fr: "{platform}\u00a0: Vigie ne voit pas de quel compte vous écrivez, et la politique lui demande alors de ne rien vérifier. Vos courriels partent sans vérification de l’avis.",
    en: "{platform}: Vigie cannot see which account you are writing from, and the policy then tells it to check nothing. Your emails leave without the notice being checked.",
  },
  healthSenderUnknownHelp: {
    fr: "La page ne montre pas de quel compte partent vos messages. Vigie vous le demande au premier envoi, selon la politique.",
    en: "The page does not show which account your messages are sent from. Vigie asks you at the first send, as the policy says.",
  },
  healthNotFound: { fr: "Vigie ne trouve plus\u00a0: {what}.", en: "Vigie can no longer find: {what}." },
  lookupBody: { fr: "le corps du message", en: "the message body" },
  lookupCompose: { fr: "la fenêtre du message", en: "the message window" },
  lookupSendButtons: { fr: "le bouton Envoyer", en: "the Send button" },
  lookupScheduleItem: { fr: "le choix « Programmer l’envoi »", en: "the Schedule send choice" },
  senderAnswersHeading: { fr: "Comptes d’envoi retenus", en: "Sending accounts remembered" },
  senderAnswerLocal: { fr: "{mailbox}\u00a0: compte de section locale", en: "{mailbox}: local-section account" },
  senderAnswerPersonal: { fr: "{mailbox}\u00a0: compte personnel", en: "{mailbox}: personal account" },
  senderAnswerForget: { fr: "Oublier (Vigie redemandera)", en: "Forget (Vigie will ask again)" },
} as const satisfies Record<string, Text>;
